import type { Container } from '@azure/cosmos';
import { isAppError } from '../domain/app-error';
import { hasStatus, storageUnavailable } from './cosmos-errors';
import { replaceIfUnchanged } from './replace-if-unchanged';
import type { Versioned } from './versioned-store';
import { withoutSystemFields, type StoredFields } from './without-system-fields';

/** Which instance may send to a tenant, until when (UTC); after `until` any instance may take it. */
export interface TenantLease {
  tenantId: string;
  holder: string;
  until: string;
}

type LeaseDocument = TenantLease & StoredFields & { id: string; type: 'tenantLease' };

export interface TenantLeaseRepository {
  get(tenantId: string): Promise<Versioned<TenantLease> | undefined>;
  /** Creates the lease; `taken` when another instance created it first. */
  create(lease: TenantLease): Promise<Versioned<TenantLease> | 'taken'>;
  /** Replaces it if unchanged since `etag`; `taken` when another instance wrote it meanwhile. */
  replace(lease: TenantLease, etag: string): Promise<Versioned<TenantLease> | 'taken'>;
}

const idOf = (tenantId: string): string => `lease:${tenantId}`;
const documentOf = (lease: TenantLease): LeaseDocument => ({
  id: idOf(lease.tenantId),
  type: 'tenantLease',
  ...lease,
});

export function createTenantLeaseRepository(container: Container): TenantLeaseRepository {
  return {
    async get(tenantId) {
      try {
        const { resource } = await container.item(idOf(tenantId), idOf(tenantId)).read<LeaseDocument>();
        if (!resource) return undefined;
        return { value: withoutSystemFields<TenantLease>(resource), etag: resource._etag ?? '' };
      } catch (error) {
        if (hasStatus(error, 404)) return undefined;
        throw storageUnavailable(error, 'read tenant lease');
      }
    },
    async create(lease) {
      try {
        const { resource } = await container.items.create(documentOf(lease));
        return { value: lease, etag: resource?._etag ?? '' };
      } catch (error) {
        if (hasStatus(error, 409)) return 'taken';
        throw storageUnavailable(error, 'create tenant lease');
      }
    },
    async replace(lease, etag) {
      try {
        const next = await replaceIfUnchanged(
          container,
          documentOf(lease),
          idOf(lease.tenantId),
          etag,
          'tenant lease',
        );
        return { value: lease, etag: next };
      } catch (error) {
        if (isAppError(error) && error.code === 'Conflict') return 'taken';
        throw error;
      }
    },
  };
}
