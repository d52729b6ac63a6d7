/// Platform-wide settings: the supported Kubernetes window, the management plane's services and
/// the defaults tenants inherit. Cluster-scoped; a platform has at most one, conventionally
/// named `platform`. Without one, built-in defaults apply.
public struct Platform: KubeObject {
    public static let resourceType = ResourceType(
        group: PlatformGroup.name, version: PlatformGroup.version, kind: "Platform", plural: "platforms",
        namespaced: false, categories: ["contain"])

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: PlatformSpec
    public var status: ObjectStatus?

    public init(metadata: ObjectMeta, spec: PlatformSpec, status: ObjectStatus? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// Platform-wide settings.
public struct PlatformSpec: Codable, Sendable, Hashable {
    /// The DNS domain the platform's hostnames live under.
    public var domain: String?
    /// Which Kubernetes versions clusters may run.
    public var kubernetes: KubernetesSupportWindow?
    /// The shared services of the management plane.
    public var managementPlane: ManagementPlane?

    public init(domain: String? = nil, kubernetes: KubernetesSupportWindow? = nil,
                managementPlane: ManagementPlane? = nil) {
        self.domain = domain
        self.kubernetes = kubernetes
        self.managementPlane = managementPlane
    }
}

/// The supported Kubernetes minors: the newest one and the ones before it (N-2 by default).
public struct KubernetesSupportWindow: Codable, Sendable, Hashable {
    /// The newest supported minor, as `"1.34"`.
    public var newest: String
    /// How many minors are supported, counting the newest; defaults to 3 (N, N-1, N-2).
    public var supportedMinors: Int?

    public init(newest: String, supportedMinors: Int? = nil) {
        self.newest = newest
        self.supportedMinors = supportedMinors
    }

    /// The window Contain assumes when the platform does not set one.
    public static let builtIn = KubernetesSupportWindow(newest: "1.34", supportedMinors: 3)
}

/// Endpoints of the management plane's shared services.
public struct ManagementPlane: Codable, Sendable, Hashable {
    /// The OpenID Connect issuer of the identity provider (Keycloak, Entra ID).
    public var identityProvider: IdentityProvider?
    /// The container registry host (`registry.example.com`).
    public var registry: String?
    /// The Git server base URL GitOps repositories live under.
    public var git: String?
    /// The secret store (OpenBao or Vault) URL.
    public var secretStore: String?
    /// The S3-compatible endpoint and bucket for backups.
    public var backup: BackupStorage?

    public init(identityProvider: IdentityProvider? = nil, registry: String? = nil, git: String? = nil,
                secretStore: String? = nil, backup: BackupStorage? = nil) {
        self.identityProvider = identityProvider
        self.registry = registry
        self.git = git
        self.secretStore = secretStore
        self.backup = backup
    }
}

/// An OpenID Connect identity provider.
public struct IdentityProvider: Codable, Sendable, Hashable {
    public var issuerURL: String
    /// The token claim holding group names; defaults to `groups`.
    public var groupsClaim: String?

    public init(issuerURL: String, groupsClaim: String? = nil) {
        self.issuerURL = issuerURL
        self.groupsClaim = groupsClaim
    }
}

/// S3-compatible backup storage.
public struct BackupStorage: Codable, Sendable, Hashable {
    public var endpoint: String
    public var bucket: String
    public var region: String?

    public init(endpoint: String, bucket: String, region: String? = nil) {
        self.endpoint = endpoint
        self.bucket = bucket
        self.region = region
    }
}
