/// `core/v1.HostPathType`: what must exist at a host path.
public enum HostPathType: String, StringEnum {
    /// No check (the default).
    case unset = ""
    case directoryOrCreate = "DirectoryOrCreate"
    case directory = "Directory"
    case fileOrCreate = "FileOrCreate"
    case file = "File"
    case socket = "Socket"
    case charDevice = "CharDevice"
    case blockDevice = "BlockDevice"
}

/// `core/v1.HostPathVolumeSource`.
public struct HostPathVolumeSource: Codable, Sendable, Hashable {
    public var path: String
    public var type: HostPathType?

    public init(path: String, type: HostPathType? = nil) {
        self.path = path
        self.type = type
    }
}

/// `core/v1.EmptyDirVolumeSource`.
public struct EmptyDirVolumeSource: Codable, Sendable, Hashable {
    /// Empty for the node's default medium, `Memory` for tmpfs, or `HugePages`/`HugePages-<size>`.
    public var medium: String?
    public var sizeLimit: Quantity?

    public init(medium: String? = nil, sizeLimit: Quantity? = nil) {
        self.medium = medium
        self.sizeLimit = sizeLimit
    }
}

/// `core/v1.GCEPersistentDiskVolumeSource`.
public struct GCEPersistentDiskVolumeSource: Codable, Sendable, Hashable {
    public var pdName: String
    public var fsType: String?
    public var partition: Int32?
    public var readOnly: Bool?

    public init(pdName: String, fsType: String? = nil, partition: Int32? = nil, readOnly: Bool? = nil) {
        self.pdName = pdName
        self.fsType = fsType
        self.partition = partition
        self.readOnly = readOnly
    }
}

/// `core/v1.AWSElasticBlockStoreVolumeSource`.
public struct AWSElasticBlockStoreVolumeSource: Codable, Sendable, Hashable {
    public var volumeID: String
    public var fsType: String?
    public var partition: Int32?
    public var readOnly: Bool?

    public init(volumeID: String, fsType: String? = nil, partition: Int32? = nil, readOnly: Bool? = nil) {
        self.volumeID = volumeID
        self.fsType = fsType
        self.partition = partition
        self.readOnly = readOnly
    }
}

/// `core/v1.GitRepoVolumeSource` (deprecated).
public struct GitRepoVolumeSource: Codable, Sendable, Hashable {
    public var repository: String
    public var revision: String?
    public var directory: String?

    public init(repository: String, revision: String? = nil, directory: String? = nil) {
        self.repository = repository
        self.revision = revision
        self.directory = directory
    }
}

/// `core/v1.SecretVolumeSource`: a Secret's keys as files.
public struct SecretVolumeSource: Codable, Sendable, Hashable {
    public var secretName: String?
    /// Keys to project; all keys when unset.
    public var items: [KeyToPath]?
    /// Mode bits of the files; defaults to 0644.
    public var defaultMode: Int32?
    public var optional: Bool?

    public init(
        secretName: String? = nil, items: [KeyToPath]? = nil, defaultMode: Int32? = nil, optional: Bool? = nil
    ) {
        self.secretName = secretName
        self.items = items
        self.defaultMode = defaultMode
        self.optional = optional
    }
}

/// `core/v1.NFSVolumeSource`.
public struct NFSVolumeSource: Codable, Sendable, Hashable {
    public var server: String
    public var path: String
    public var readOnly: Bool?

    public init(server: String, path: String, readOnly: Bool? = nil) {
        self.server = server
        self.path = path
        self.readOnly = readOnly
    }
}

/// `core/v1.ISCSIVolumeSource`.
public struct ISCSIVolumeSource: Codable, Sendable, Hashable {
    public var targetPortal: String
    public var iqn: String
    public var lun: Int32
    public var iscsiInterface: String?
    public var fsType: String?
    public var readOnly: Bool?
    public var portals: [String]?
    public var chapAuthDiscovery: Bool?
    public var chapAuthSession: Bool?
    public var secretRef: LocalObjectReference?
    public var initiatorName: String?

    public init(
        targetPortal: String, iqn: String, lun: Int32, iscsiInterface: String? = nil, fsType: String? = nil,
        readOnly: Bool? = nil, portals: [String]? = nil, chapAuthDiscovery: Bool? = nil, chapAuthSession: Bool? = nil,
        secretRef: LocalObjectReference? = nil, initiatorName: String? = nil
    ) {
        self.targetPortal = targetPortal
        self.iqn = iqn
        self.lun = lun
        self.iscsiInterface = iscsiInterface
        self.fsType = fsType
        self.readOnly = readOnly
        self.portals = portals
        self.chapAuthDiscovery = chapAuthDiscovery
        self.chapAuthSession = chapAuthSession
        self.secretRef = secretRef
        self.initiatorName = initiatorName
    }
}

/// `core/v1.GlusterfsVolumeSource` (deprecated).
public struct GlusterfsVolumeSource: Codable, Sendable, Hashable {
    public var endpoints: String
    public var path: String
    public var readOnly: Bool?

    public init(endpoints: String, path: String, readOnly: Bool? = nil) {
        self.endpoints = endpoints
        self.path = path
        self.readOnly = readOnly
    }
}

/// `core/v1.PersistentVolumeClaimVolumeSource`: a claim in the pod's namespace.
public struct PersistentVolumeClaimVolumeSource: Codable, Sendable, Hashable {
    public var claimName: String
    public var readOnly: Bool?

    public init(claimName: String, readOnly: Bool? = nil) {
        self.claimName = claimName
        self.readOnly = readOnly
    }
}

/// `core/v1.RBDVolumeSource` (deprecated).
public struct RBDVolumeSource: Codable, Sendable, Hashable {
    public var monitors: [String]
    public var image: String
    public var fsType: String?
    public var pool: String?
    public var user: String?
    public var keyring: String?
    public var secretRef: LocalObjectReference?
    public var readOnly: Bool?

    public init(
        monitors: [String], image: String, fsType: String? = nil, pool: String? = nil, user: String? = nil,
        keyring: String? = nil, secretRef: LocalObjectReference? = nil, readOnly: Bool? = nil
    ) {
        self.monitors = monitors
        self.image = image
        self.fsType = fsType
        self.pool = pool
        self.user = user
        self.keyring = keyring
        self.secretRef = secretRef
        self.readOnly = readOnly
    }
}

/// `core/v1.FlexVolumeSource` (deprecated).
public struct FlexVolumeSource: Codable, Sendable, Hashable {
    public var driver: String
    public var fsType: String?
    public var secretRef: LocalObjectReference?
    public var readOnly: Bool?
    public var options: [String: String]?

    public init(
        driver: String, fsType: String? = nil, secretRef: LocalObjectReference? = nil, readOnly: Bool? = nil,
        options: [String: String]? = nil
    ) {
        self.driver = driver
        self.fsType = fsType
        self.secretRef = secretRef
        self.readOnly = readOnly
        self.options = options
    }
}

/// `core/v1.CinderVolumeSource` (deprecated).
public struct CinderVolumeSource: Codable, Sendable, Hashable {
    public var volumeID: String
    public var fsType: String?
    public var readOnly: Bool?
    public var secretRef: LocalObjectReference?

    public init(
        volumeID: String, fsType: String? = nil, readOnly: Bool? = nil, secretRef: LocalObjectReference? = nil
    ) {
        self.volumeID = volumeID
        self.fsType = fsType
        self.readOnly = readOnly
        self.secretRef = secretRef
    }
}

/// `core/v1.CephFSVolumeSource` (deprecated).
public struct CephFSVolumeSource: Codable, Sendable, Hashable {
    public var monitors: [String]
    public var path: String?
    public var user: String?
    public var secretFile: String?
    public var secretRef: LocalObjectReference?
    public var readOnly: Bool?

    public init(
        monitors: [String], path: String? = nil, user: String? = nil, secretFile: String? = nil,
        secretRef: LocalObjectReference? = nil, readOnly: Bool? = nil
    ) {
        self.monitors = monitors
        self.path = path
        self.user = user
        self.secretFile = secretFile
        self.secretRef = secretRef
        self.readOnly = readOnly
    }
}

/// `core/v1.FlockerVolumeSource` (deprecated).
public struct FlockerVolumeSource: Codable, Sendable, Hashable {
    public var datasetName: String?
    public var datasetUUID: String?

    public init(datasetName: String? = nil, datasetUUID: String? = nil) {
        self.datasetName = datasetName
        self.datasetUUID = datasetUUID
    }
}

/// `core/v1.DownwardAPIVolumeSource`: pod fields and resources as files.
public struct DownwardAPIVolumeSource: Codable, Sendable, Hashable {
    public var items: [DownwardAPIVolumeFile]?
    public var defaultMode: Int32?

    public init(items: [DownwardAPIVolumeFile]? = nil, defaultMode: Int32? = nil) {
        self.items = items
        self.defaultMode = defaultMode
    }
}

/// `core/v1.DownwardAPIVolumeFile`.
public struct DownwardAPIVolumeFile: Codable, Sendable, Hashable {
    public var path: String
    public var fieldRef: ObjectFieldSelector?
    public var resourceFieldRef: ResourceFieldSelector?
    public var mode: Int32?

    public init(
        path: String, fieldRef: ObjectFieldSelector? = nil, resourceFieldRef: ResourceFieldSelector? = nil,
        mode: Int32? = nil
    ) {
        self.path = path
        self.fieldRef = fieldRef
        self.resourceFieldRef = resourceFieldRef
        self.mode = mode
    }
}

/// `core/v1.FCVolumeSource`.
public struct FCVolumeSource: Codable, Sendable, Hashable {
    public var targetWWNs: [String]?
    public var lun: Int32?
    public var fsType: String?
    public var readOnly: Bool?
    public var wwids: [String]?

    public init(
        targetWWNs: [String]? = nil, lun: Int32? = nil, fsType: String? = nil, readOnly: Bool? = nil,
        wwids: [String]? = nil
    ) {
        self.targetWWNs = targetWWNs
        self.lun = lun
        self.fsType = fsType
        self.readOnly = readOnly
        self.wwids = wwids
    }
}

/// `core/v1.AzureFileVolumeSource` (deprecated).
public struct AzureFileVolumeSource: Codable, Sendable, Hashable {
    public var secretName: String
    public var shareName: String
    public var readOnly: Bool?

    public init(secretName: String, shareName: String, readOnly: Bool? = nil) {
        self.secretName = secretName
        self.shareName = shareName
        self.readOnly = readOnly
    }
}

/// `core/v1.ConfigMapVolumeSource`: a ConfigMap's keys as files.
public struct ConfigMapVolumeSource: Codable, Sendable, Hashable {
    public var name: String?
    /// Keys to project; all keys when unset.
    public var items: [KeyToPath]?
    /// Mode bits of the files; defaults to 0644.
    public var defaultMode: Int32?
    public var optional: Bool?

    public init(name: String? = nil, items: [KeyToPath]? = nil, defaultMode: Int32? = nil, optional: Bool? = nil) {
        self.name = name
        self.items = items
        self.defaultMode = defaultMode
        self.optional = optional
    }
}

/// `core/v1.VsphereVirtualDiskVolumeSource` (deprecated).
public struct VsphereVirtualDiskVolumeSource: Codable, Sendable, Hashable {
    public var volumePath: String
    public var fsType: String?
    public var storagePolicyName: String?
    public var storagePolicyID: String?

    public init(
        volumePath: String, fsType: String? = nil, storagePolicyName: String? = nil, storagePolicyID: String? = nil
    ) {
        self.volumePath = volumePath
        self.fsType = fsType
        self.storagePolicyName = storagePolicyName
        self.storagePolicyID = storagePolicyID
    }
}

/// `core/v1.QuobyteVolumeSource` (deprecated).
public struct QuobyteVolumeSource: Codable, Sendable, Hashable {
    public var registry: String
    public var volume: String
    public var readOnly: Bool?
    public var user: String?
    public var group: String?
    public var tenant: String?

    public init(
        registry: String, volume: String, readOnly: Bool? = nil, user: String? = nil, group: String? = nil,
        tenant: String? = nil
    ) {
        self.registry = registry
        self.volume = volume
        self.readOnly = readOnly
        self.user = user
        self.group = group
        self.tenant = tenant
    }
}

/// `core/v1.AzureDataDiskCachingMode`.
public enum AzureDataDiskCachingMode: String, StringEnum {
    case noCaching = "None"
    case readOnly = "ReadOnly"
    case readWrite = "ReadWrite"
}

/// `core/v1.AzureDataDiskKind`.
public enum AzureDataDiskKind: String, StringEnum {
    case shared = "Shared"
    case dedicated = "Dedicated"
    case managed = "Managed"
}

/// `core/v1.AzureDiskVolumeSource` (deprecated).
public struct AzureDiskVolumeSource: Codable, Sendable, Hashable {
    public var diskName: String
    public var diskURI: String
    public var cachingMode: AzureDataDiskCachingMode?
    public var fsType: String?
    public var readOnly: Bool?
    public var kind: AzureDataDiskKind?

    public init(
        diskName: String, diskURI: String, cachingMode: AzureDataDiskCachingMode? = nil, fsType: String? = nil,
        readOnly: Bool? = nil, kind: AzureDataDiskKind? = nil
    ) {
        self.diskName = diskName
        self.diskURI = diskURI
        self.cachingMode = cachingMode
        self.fsType = fsType
        self.readOnly = readOnly
        self.kind = kind
    }
}

/// `core/v1.PhotonPersistentDiskVolumeSource` (deprecated).
public struct PhotonPersistentDiskVolumeSource: Codable, Sendable, Hashable {
    public var pdID: String
    public var fsType: String?

    public init(pdID: String, fsType: String? = nil) {
        self.pdID = pdID
        self.fsType = fsType
    }
}

/// `core/v1.ProjectedVolumeSource`: several sources projected into one directory.
public struct ProjectedVolumeSource: Codable, Sendable, Hashable {
    public var sources: [VolumeProjection]?
    public var defaultMode: Int32?

    public init(sources: [VolumeProjection]? = nil, defaultMode: Int32? = nil) {
        self.sources = sources
        self.defaultMode = defaultMode
    }
}

/// `core/v1.VolumeProjection`: one projected source; exactly one is set.
public struct VolumeProjection: Codable, Sendable, Hashable {
    public var secret: SecretProjection?
    public var downwardAPI: DownwardAPIProjection?
    public var configMap: ConfigMapProjection?
    public var serviceAccountToken: ServiceAccountTokenProjection?
    public var clusterTrustBundle: ClusterTrustBundleProjection?
    public var podCertificate: PodCertificateProjection?

    public init(
        secret: SecretProjection? = nil, downwardAPI: DownwardAPIProjection? = nil,
        configMap: ConfigMapProjection? = nil, serviceAccountToken: ServiceAccountTokenProjection? = nil,
        clusterTrustBundle: ClusterTrustBundleProjection? = nil, podCertificate: PodCertificateProjection? = nil
    ) {
        self.secret = secret
        self.downwardAPI = downwardAPI
        self.configMap = configMap
        self.serviceAccountToken = serviceAccountToken
        self.clusterTrustBundle = clusterTrustBundle
        self.podCertificate = podCertificate
    }
}

/// `core/v1.SecretProjection`.
public struct SecretProjection: Codable, Sendable, Hashable {
    public var name: String?
    public var items: [KeyToPath]?
    public var optional: Bool?

    public init(name: String? = nil, items: [KeyToPath]? = nil, optional: Bool? = nil) {
        self.name = name
        self.items = items
        self.optional = optional
    }
}

/// `core/v1.DownwardAPIProjection`.
public struct DownwardAPIProjection: Codable, Sendable, Hashable {
    public var items: [DownwardAPIVolumeFile]?

    public init(items: [DownwardAPIVolumeFile]? = nil) {
        self.items = items
    }
}

/// `core/v1.ConfigMapProjection`.
public struct ConfigMapProjection: Codable, Sendable, Hashable {
    public var name: String?
    public var items: [KeyToPath]?
    public var optional: Bool?

    public init(name: String? = nil, items: [KeyToPath]? = nil, optional: Bool? = nil) {
        self.name = name
        self.items = items
        self.optional = optional
    }
}

/// `core/v1.ServiceAccountTokenProjection`: a bound service account token.
public struct ServiceAccountTokenProjection: Codable, Sendable, Hashable {
    /// Defaults to the API server's identifier.
    public var audience: String?
    /// Defaults to one hour; at least ten minutes.
    public var expirationSeconds: Int64?
    public var path: String

    public init(audience: String? = nil, expirationSeconds: Int64? = nil, path: String) {
        self.audience = audience
        self.expirationSeconds = expirationSeconds
        self.path = path
    }
}

/// `core/v1.ClusterTrustBundleProjection`: trust anchors from ClusterTrustBundles.
public struct ClusterTrustBundleProjection: Codable, Sendable, Hashable {
    public var name: String?
    public var signerName: String?
    public var labelSelector: LabelSelector?
    public var optional: Bool?
    public var path: String

    public init(
        name: String? = nil, signerName: String? = nil, labelSelector: LabelSelector? = nil, optional: Bool? = nil,
        path: String
    ) {
        self.name = name
        self.signerName = signerName
        self.labelSelector = labelSelector
        self.optional = optional
        self.path = path
    }
}

/// `core/v1.PodCertificateProjection`: a kubelet-managed key and certificate chain.
public struct PodCertificateProjection: Codable, Sendable, Hashable {
    public var signerName: String
    /// `RSA3072`, `RSA4096`, `ECDSAP256`, `ECDSAP384`, `ECDSAP521` or `ED25519`.
    public var keyType: String
    public var maxExpirationSeconds: Int32?
    public var credentialBundlePath: String?
    public var keyPath: String?
    public var certificateChainPath: String?
    public var userAnnotations: [String: String]?

    public init(
        signerName: String, keyType: String, maxExpirationSeconds: Int32? = nil, credentialBundlePath: String? = nil,
        keyPath: String? = nil, certificateChainPath: String? = nil, userAnnotations: [String: String]? = nil
    ) {
        self.signerName = signerName
        self.keyType = keyType
        self.maxExpirationSeconds = maxExpirationSeconds
        self.credentialBundlePath = credentialBundlePath
        self.keyPath = keyPath
        self.certificateChainPath = certificateChainPath
        self.userAnnotations = userAnnotations
    }
}

/// `core/v1.PortworxVolumeSource` (deprecated).
public struct PortworxVolumeSource: Codable, Sendable, Hashable {
    public var volumeID: String
    public var fsType: String?
    public var readOnly: Bool?

    public init(volumeID: String, fsType: String? = nil, readOnly: Bool? = nil) {
        self.volumeID = volumeID
        self.fsType = fsType
        self.readOnly = readOnly
    }
}

/// `core/v1.ScaleIOVolumeSource` (deprecated).
public struct ScaleIOVolumeSource: Codable, Sendable, Hashable {
    public var gateway: String
    public var system: String
    public var secretRef: LocalObjectReference?
    public var sslEnabled: Bool?
    public var protectionDomain: String?
    public var storagePool: String?
    /// `ThickProvisioned` or `ThinProvisioned` (the default).
    public var storageMode: String?
    public var volumeName: String?
    public var fsType: String?
    public var readOnly: Bool?

    public init(
        gateway: String, system: String, secretRef: LocalObjectReference? = nil, sslEnabled: Bool? = nil,
        protectionDomain: String? = nil, storagePool: String? = nil, storageMode: String? = nil,
        volumeName: String? = nil, fsType: String? = nil, readOnly: Bool? = nil
    ) {
        self.gateway = gateway
        self.system = system
        self.secretRef = secretRef
        self.sslEnabled = sslEnabled
        self.protectionDomain = protectionDomain
        self.storagePool = storagePool
        self.storageMode = storageMode
        self.volumeName = volumeName
        self.fsType = fsType
        self.readOnly = readOnly
    }
}

/// `core/v1.StorageOSVolumeSource` (deprecated).
public struct StorageOSVolumeSource: Codable, Sendable, Hashable {
    public var volumeName: String?
    public var volumeNamespace: String?
    public var fsType: String?
    public var readOnly: Bool?
    public var secretRef: LocalObjectReference?

    public init(
        volumeName: String? = nil, volumeNamespace: String? = nil, fsType: String? = nil, readOnly: Bool? = nil,
        secretRef: LocalObjectReference? = nil
    ) {
        self.volumeName = volumeName
        self.volumeNamespace = volumeNamespace
        self.fsType = fsType
        self.readOnly = readOnly
        self.secretRef = secretRef
    }
}

/// `core/v1.CSIVolumeSource`: an inline ephemeral volume from a CSI driver.
public struct CSIVolumeSource: Codable, Sendable, Hashable {
    public var driver: String
    public var readOnly: Bool?
    public var fsType: String?
    /// Driver-specific properties.
    public var volumeAttributes: [String: String]?
    public var nodePublishSecretRef: LocalObjectReference?

    public init(
        driver: String, readOnly: Bool? = nil, fsType: String? = nil, volumeAttributes: [String: String]? = nil,
        nodePublishSecretRef: LocalObjectReference? = nil
    ) {
        self.driver = driver
        self.readOnly = readOnly
        self.fsType = fsType
        self.volumeAttributes = volumeAttributes
        self.nodePublishSecretRef = nodePublishSecretRef
    }
}

/// `core/v1.EphemeralVolumeSource`: a per-pod PersistentVolumeClaim.
public struct EphemeralVolumeSource: Codable, Sendable, Hashable {
    /// The claim to create as `<pod>-<volume>`; required.
    public var volumeClaimTemplate: PersistentVolumeClaimTemplate?

    public init(volumeClaimTemplate: PersistentVolumeClaimTemplate? = nil) {
        self.volumeClaimTemplate = volumeClaimTemplate
    }
}

/// `core/v1.ImageVolumeSource`: an OCI image or artifact.
public struct ImageVolumeSource: Codable, Sendable, Hashable {
    /// The image reference, as in a container's `image`.
    public var reference: String?
    public var pullPolicy: PullPolicy?

    public init(reference: String? = nil, pullPolicy: PullPolicy? = nil) {
        self.reference = reference
        self.pullPolicy = pullPolicy
    }
}
