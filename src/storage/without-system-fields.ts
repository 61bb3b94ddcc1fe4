/** Cosmos' own fields and the document's id and type: what a stored document carries beyond the domain object. */
export type StoredFields = {
  id: string;
  type: string;
  _etag?: string;
  _rid?: string;
  _self?: string;
  _ts?: number;
  _attachments?: string;
};

/** The domain object inside a stored document. */
export function withoutSystemFields<T extends object>(document: T & StoredFields): T {
  const { id: _id, type: _type, _etag, _rid, _self, _ts, _attachments, ...rest } = document;
  return rest as T;
}
