// Anteckna in Azure: App Service (Linux, Node 20) running the bot, Azure Bot with the Teams channel,
// Cosmos DB (serverless, keys disabled) reached with a user-assigned managed identity, and monitoring.
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p namePrefix=<prefix>
// No secrets: the bot and Cosmos both authenticate with the managed identity.

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
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: toLower('${namePrefix}-cosmos-${suffix}')
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
    capabilities: [{ name: 'EnableServerless' }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
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
    scope: cosmos.id
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
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'npm start'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
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
        { name: 'DOWNLOAD_SIGNING_KEY', value: downloadSigningKey }
        { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
      ]
    }
  }
  dependsOn: [cosmosContainers, cosmosDataAccess]
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

output botId string = identity.properties.clientId
output messagingEndpoint string = bot.properties.endpoint
output webAppName string = web.name
output cosmosEndpoint string = cosmos.properties.documentEndpoint
