/// `core/v1.Volume`: a named volume of a pod. Exactly one source is set (Go inlines `VolumeSource`
/// here, so the sources are members of the volume itself); none is treated as an `emptyDir`.
public struct Volume: Codable, Sendable, Hashable {
    /// A DNS label, unique in the pod.
    public var name: String
    /// A file or directory on the node.
    public var hostPath: HostPathVolumeSource?
    /// A temporary directory that lives as long as the pod.
    public var emptyDir: EmptyDirVolumeSource?
    /// Deprecated in-tree GCE persistent disk.
    public var gcePersistentDisk: GCEPersistentDiskVolumeSource?
    /// Deprecated in-tree AWS EBS volume.
    public var awsElasticBlockStore: AWSElasticBlockStoreVolumeSource?
    /// Deprecated: a git repository cloned into the volume.
    public var gitRepo: GitRepoVolumeSource?
    public var secret: SecretVolumeSource?
    public var nfs: NFSVolumeSource?
    public var iscsi: ISCSIVolumeSource?
    /// Deprecated and no longer supported.
    public var glusterfs: GlusterfsVolumeSource?
    public var persistentVolumeClaim: PersistentVolumeClaimVolumeSource?
    /// Deprecated and no longer supported.
    public var rbd: RBDVolumeSource?
    /// Deprecated exec-based plugin volume.
    public var flexVolume: FlexVolumeSource?
    /// Deprecated in-tree OpenStack Cinder volume.
    public var cinder: CinderVolumeSource?
    /// Deprecated and no longer supported.
    public var cephfs: CephFSVolumeSource?
    /// Deprecated and no longer supported.
    public var flocker: FlockerVolumeSource?
    public var downwardAPI: DownwardAPIVolumeSource?
    /// A Fibre Channel volume.
    public var fc: FCVolumeSource?
    /// Deprecated in-tree Azure File volume.
    public var azureFile: AzureFileVolumeSource?
    public var configMap: ConfigMapVolumeSource?
    /// Deprecated in-tree vSphere volume.
    public var vsphereVolume: VsphereVirtualDiskVolumeSource?
    /// Deprecated and no longer supported.
    public var quobyte: QuobyteVolumeSource?
    /// Deprecated in-tree Azure Disk volume.
    public var azureDisk: AzureDiskVolumeSource?
    /// Deprecated and no longer supported.
    public var photonPersistentDisk: PhotonPersistentDiskVolumeSource?
    /// Secrets, ConfigMaps, downward API and tokens projected into one directory.
    public var projected: ProjectedVolumeSource?
    /// Deprecated in-tree Portworx volume.
    public var portworxVolume: PortworxVolumeSource?
    /// Deprecated and no longer supported.
    public var scaleIO: ScaleIOVolumeSource?
    /// Deprecated and no longer supported.
    public var storageos: StorageOSVolumeSource?
    /// An ephemeral volume provided by a CSI driver.
    public var csi: CSIVolumeSource?
    /// A volume provisioned through a per-pod PersistentVolumeClaim.
    public var ephemeral: EphemeralVolumeSource?
    /// An OCI image or artifact mounted read-only.
    public var image: ImageVolumeSource?

    public init(
        name: String, hostPath: HostPathVolumeSource? = nil, emptyDir: EmptyDirVolumeSource? = nil,
        gcePersistentDisk: GCEPersistentDiskVolumeSource? = nil,
        awsElasticBlockStore: AWSElasticBlockStoreVolumeSource? = nil, gitRepo: GitRepoVolumeSource? = nil,
        secret: SecretVolumeSource? = nil, nfs: NFSVolumeSource? = nil, iscsi: ISCSIVolumeSource? = nil,
        glusterfs: GlusterfsVolumeSource? = nil, persistentVolumeClaim: PersistentVolumeClaimVolumeSource? = nil,
        rbd: RBDVolumeSource? = nil, flexVolume: FlexVolumeSource? = nil, cinder: CinderVolumeSource? = nil,
        cephfs: CephFSVolumeSource? = nil, flocker: FlockerVolumeSource? = nil,
        downwardAPI: DownwardAPIVolumeSource? = nil, fc: FCVolumeSource? = nil,
        azureFile: AzureFileVolumeSource? = nil, configMap: ConfigMapVolumeSource? = nil,
        vsphereVolume: VsphereVirtualDiskVolumeSource? = nil, quobyte: QuobyteVolumeSource? = nil,
        azureDisk: AzureDiskVolumeSource? = nil, photonPersistentDisk: PhotonPersistentDiskVolumeSource? = nil,
        projected: ProjectedVolumeSource? = nil, portworxVolume: PortworxVolumeSource? = nil,
        scaleIO: ScaleIOVolumeSource? = nil, storageos: StorageOSVolumeSource? = nil, csi: CSIVolumeSource? = nil,
        ephemeral: EphemeralVolumeSource? = nil, image: ImageVolumeSource? = nil
    ) {
        self.name = name
        self.hostPath = hostPath
        self.emptyDir = emptyDir
        self.gcePersistentDisk = gcePersistentDisk
        self.awsElasticBlockStore = awsElasticBlockStore
        self.gitRepo = gitRepo
        self.secret = secret
        self.nfs = nfs
        self.iscsi = iscsi
        self.glusterfs = glusterfs
        self.persistentVolumeClaim = persistentVolumeClaim
        self.rbd = rbd
        self.flexVolume = flexVolume
        self.cinder = cinder
        self.cephfs = cephfs
        self.flocker = flocker
        self.downwardAPI = downwardAPI
        self.fc = fc
        self.azureFile = azureFile
        self.configMap = configMap
        self.vsphereVolume = vsphereVolume
        self.quobyte = quobyte
        self.azureDisk = azureDisk
        self.photonPersistentDisk = photonPersistentDisk
        self.projected = projected
        self.portworxVolume = portworxVolume
        self.scaleIO = scaleIO
        self.storageos = storageos
        self.csi = csi
        self.ephemeral = ephemeral
        self.image = image
    }
}

extension Volume {
    /// The JSON names of the sources that are set, in declaration order: normally exactly one,
    /// such as `["hostPath"]`. Empty means the volume is implicitly an `emptyDir`.
    public var sourceNames: [String] {
        let sources: [(name: String, isSet: Bool)] = [
            ("hostPath", hostPath != nil),
            ("emptyDir", emptyDir != nil),
            ("gcePersistentDisk", gcePersistentDisk != nil),
            ("awsElasticBlockStore", awsElasticBlockStore != nil),
            ("gitRepo", gitRepo != nil),
            ("secret", secret != nil),
            ("nfs", nfs != nil),
            ("iscsi", iscsi != nil),
            ("glusterfs", glusterfs != nil),
            ("persistentVolumeClaim", persistentVolumeClaim != nil),
            ("rbd", rbd != nil),
            ("flexVolume", flexVolume != nil),
            ("cinder", cinder != nil),
            ("cephfs", cephfs != nil),
            ("flocker", flocker != nil),
            ("downwardAPI", downwardAPI != nil),
            ("fc", fc != nil),
            ("azureFile", azureFile != nil),
            ("configMap", configMap != nil),
            ("vsphereVolume", vsphereVolume != nil),
            ("quobyte", quobyte != nil),
            ("azureDisk", azureDisk != nil),
            ("photonPersistentDisk", photonPersistentDisk != nil),
            ("projected", projected != nil),
            ("portworxVolume", portworxVolume != nil),
            ("scaleIO", scaleIO != nil),
            ("storageos", storageos != nil),
            ("csi", csi != nil),
            ("ephemeral", ephemeral != nil),
            ("image", image != nil),
        ]
        return sources.filter(\.isSet).map(\.name)
    }
}
