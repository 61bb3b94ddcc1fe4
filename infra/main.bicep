// Anteckna in Azure: App Service (Linux, Node 24 LTS) running the bot, Azure Bot with the Teams channel,
// Cosmos DB (serverless, keys disabled, reachable only through a private endpoint in the app's virtual network)
// reached with a user-assigned managed identity, Key Vault for the one secret, and monitoring.
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p namePrefix=<prefix> downloadSigningKey=<key>
// The bot, Cosmos, Key Vault and Application Insights all authenticate with the managed identity; the only secret
// is the download-link signing key, kept in Key Vault and read by App Service through a Key Vault reference.

@description('Short prefix for resource names (letters and digits).')
@minLength(3)
@maxLength(16)
param namePrefix string

param location string = resourceGroup().location

@description('App Service plan size. B1 is enough for a few networks; alwaysOn needs Basic or higher.')
param appServiceSku string = 'B1'

@description('Azure Bot pricing tier. F0 is free with a message quota; S1 for production volume.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Name of the Cosmos DB database. Must match COSMOS_DATABASE.')
param databaseName string = 'anteckna'

@description('Secret that signs short-lived download links of minutes (at least 32 characters).')
@secure()
@minLength(32)
param downloadSigningKey string

@description('Tenant ids (comma-separated) whose chats the bot serves; by default the deploying tenant only.')
param allowedTenantIds string = subscription().tenantId

var suffix = uniqueString(resourceGroup().id, namePrefix)
var tenantId = subscription().tenantId
// Cosmos DB Built-in Data Contributor (data plane read/write, no key access).
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'
// Key Vault Secrets User and Monitoring Metrics Publisher (Azure RBAC built-in roles).
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var metricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'
// Must match src/storage/containers.ts: with managed identity the app cannot create containers itself.
var containers = [
  { name: 'conversations', partitionKey: '/id' }
  { name: 'networks', partitionKey: '/networkId' }
  { name: 'meetings', partitionKey: '/meetingId' }
  { name: 'followUps', partitionKey: '/networkId' }
  { name: 'leases', partitionKey: '/id' }
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-id-${suffix}'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-ai-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // Telemetry only from an Entra identity (the app's, below), not from anyone holding the connection string.
    DisableLocalAuth: true
  }
}

resource insightsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: insights
  name: guid(insights.id, identity.id, metricsPublisherRoleId)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisherRoleId)
  }
}

// The app reaches Cosmos over this network only: App Service's outbound traffic goes through its integration
// subnet, and Cosmos answers on a private endpoint in the other.
resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: '${namePrefix}-vnet-${suffix}'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.40.0.0/16'] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.40.1.0/24'
          delegations: [{ name: 'web', properties: { serviceName: 'Microsoft.Web/serverFarms' } }]
        }
      }
      {
        name: 'private-endpoints'
        properties: { addressPrefix: '10.40.2.0/24' }
      }
    ]
  }
}

resource cosmosDns 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.documents.azure.com'
  location: 'global'
}

resource cosmosDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: cosmosDns
  name: '${namePrefix}-vnet-link'
  location: 'global'
  properties: {
    virtualNetwork: { id: vnet.id }
    registrationEnabled: false
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: toLower('${namePrefix}-cosmos-${suffix}')
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    // Account settings (keys, throughput, containers) change only through Azure Resource Manager (this template).
    disableKeyBasedMetadataWriteAccess: true
    publicNetworkAccess: 'Disabled'
    backupPolicy: { type: 'Continuous', continuousModeProperties: { tier: 'Continuous7Days' } }
    minimalTlsVersion: 'Tls12'
    capabilities: [{ name: 'EnableServerless' }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
  }
}

resource cosmosLock 'Microsoft.Authorization/locks@2020-05-01' = {
  scope: cosmos
  name: '${namePrefix}-cosmos-lock'
  properties: {
    level: 'CanNotDelete'
    notes: 'The networks\' records: deleting the account would lose them (backups go with it).'
  }
}

resource cosmosEndpoint 'Microsoft.Network/privateEndpoints@2023-11-01' = {
  name: '${namePrefix}-cosmos-pe-${suffix}'
  location: location
  properties: {
    subnet: { id: '${vnet.id}/subnets/private-endpoints' }
    privateLinkServiceConnections: [
      {
        name: 'cosmos'
        properties: { privateLinkServiceId: cosmos.id, groupIds: ['Sql'] }
      }
    ]
  }
}

resource cosmosEndpointDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-11-01' = {
  parent: cosmosEndpoint
  name: 'cosmos'
  properties: {
    privateDnsZoneConfigs: [{ name: 'documents', properties: { privateDnsZoneId: cosmosDns.id } }]
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: { id: databaseName }
  }
}

resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [
  for c in containers: {
    parent: database
    name: c.name
    properties: {
      resource: {
        id: c.name
        partitionKey: { paths: [c.partitionKey], kind: 'Hash' }
      }
    }
  }
]

resource cosmosDataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    principalId: identity.properties.principalId
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    // The app's database only, not every database the account may hold.
    scope: '${cosmos.id}/dbs/${databaseName}'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  // Key Vault names are at most 24 characters.
  name: toLower('${take(namePrefix, 12)}kv${take(suffix, 8)}')
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource signingKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'download-signing-key'
  properties: { value: downloadSigningKey }
}

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUserRoleId)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${namePrefix}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: '${namePrefix}-bot-${suffix}'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Instances share nothing in memory: any instance may take any request.
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    virtualNetworkSubnetId: '${vnet.id}/subnets/app'
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'npm start'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Private addresses (Cosmos' endpoint, found through the linked private DNS zone) go through the network;
      // Teams, Entra and Key Vault stay on App Service's own outbound path (the network has no NAT gateway).
      vnetRouteAllEnabled: false
      // Ready means storage answers: an instance that cannot reach Cosmos is taken out of rotation.
      healthCheckPath: '/readyz'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'PORT', value: '8080' }
        { name: 'LOG_LEVEL', value: 'info' }
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TYPE', value: 'UserAssignedMSI' }
        { name: 'BOT_TENANT_ID', value: tenantId }
        { name: 'COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
        { name: 'COSMOS_DATABASE', value: databaseName }
        { name: 'COSMOS_MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }
        { name: 'SHUTDOWN_GRACE_MS', value: '10000' }
        // The site's own default address; a custom domain replaces it here.
        { name: 'PUBLIC_BASE_URL', value: 'https://${namePrefix}-bot-${suffix}.azurewebsites.net' }
        { name: 'DOWNLOAD_SIGNING_KEY', value: '@Microsoft.KeyVault(SecretUri=${signingKey.properties.secretUri})' }
        { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'TELEMETRY_MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }
      ]
    }
  }
  dependsOn: [cosmosContainers, cosmosDataAccess, cosmosEndpointDns, cosmosDnsLink, vaultReader, insightsPublisher]
}

// Deployment is by `az webapp deploy` with the deploying user's Entra sign-in: no basic (user name and password)
// publishing credentials for SCM or FTP.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: web
  name: 'scm'
  properties: { allow: false }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: web
  name: 'ftp'
  properties: { allow: false }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-azbot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'Anteckna'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identity.id
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

// Every resource's logs to the one Log Analytics workspace.
resource cosmosDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: cosmos
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'Requests', enabled: true }]
  }
}

resource webDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: web
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource botDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: bot
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logs: [{ category: 'BotRequest', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output botId string = identity.properties.clientId
output messagingEndpoint string = bot.properties.endpoint
output webAppName string = web.name
output cosmosEndpoint string = cosmos.properties.documentEndpoint
