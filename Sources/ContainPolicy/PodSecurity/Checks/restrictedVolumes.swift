import ContainModel

extension PodSecurityChecks {
    /// `restrictedVolumes` (restricted, v1.0+; replaces `hostPathVolumes`): only configMap, csi,
    /// downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret
    /// volumes. A volume with no source counts as `emptyDir`, as the API server defaults it.
    public static let restrictedVolumes = PodSecurityCheck(
        id: "restrictedVolumes", level: .restricted,
        revisions: [.init(from: 0, overrides: ["hostPathVolumes"]) { _, spec in restrictedVolumesV1Dot0(spec) }])

    /// The restricted type of a volume, or `nil` when its type is allowed. Read through a pointer:
    /// a Volume has 30 optional sources, and reading one out of an array copies it whole.
    static func restrictedVolumeType(_ volume: UnsafePointer<Volume>) -> String? {
        if volume.pointee.configMap != nil || volume.pointee.csi != nil || volume.pointee.downwardAPI != nil
            || volume.pointee.emptyDir != nil || volume.pointee.ephemeral != nil || volume.pointee.image != nil
            || volume.pointee.persistentVolumeClaim != nil || volume.pointee.projected != nil || volume.pointee.secret != nil
        {
            return nil
        }
        if volume.pointee.hostPath != nil { return "hostPath" }
        if volume.pointee.gcePersistentDisk != nil { return "gcePersistentDisk" }
        if volume.pointee.awsElasticBlockStore != nil { return "awsElasticBlockStore" }
        if volume.pointee.gitRepo != nil { return "gitRepo" }
        if volume.pointee.nfs != nil { return "nfs" }
        if volume.pointee.iscsi != nil { return "iscsi" }
        if volume.pointee.glusterfs != nil { return "glusterfs" }
        if volume.pointee.rbd != nil { return "rbd" }
        if volume.pointee.flexVolume != nil { return "flexVolume" }
        if volume.pointee.cinder != nil { return "cinder" }
        if volume.pointee.cephfs != nil { return "cephfs" }
        if volume.pointee.flocker != nil { return "flocker" }
        if volume.pointee.fc != nil { return "fc" }
        if volume.pointee.azureFile != nil { return "azureFile" }
        if volume.pointee.vsphereVolume != nil { return "vsphereVolume" }
        if volume.pointee.quobyte != nil { return "quobyte" }
        if volume.pointee.azureDisk != nil { return "azureDisk" }
        if volume.pointee.photonPersistentDisk != nil { return "photonPersistentDisk" }
        if volume.pointee.portworxVolume != nil { return "portworxVolume" }
        if volume.pointee.scaleIO != nil { return "scaleIO" }
        if volume.pointee.storageos != nil { return "storageos" }
        return nil  // no source at all: defaulted to emptyDir
    }

    static func restrictedVolumesV1Dot0(_ spec: PodSpec) -> PodSecurityFinding? {
        guard let volumes = spec.volumes else { return nil }
        var badVolumes: [String] = []
        var badTypes: [String] = []
        volumes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                if let type = restrictedVolumeType(buffer.baseAddress! + index) {
                    badVolumes.append(buffer[index].name)
                    badTypes.append(type)
                }
            }
        }
        if badVolumes.isEmpty { return nil }
        let types = sortedUnique(badTypes)
        return PodSecurityFinding(
            reason: "restricted volume types",
            detail: "\(pluralize("volume", "volumes", badVolumes.count)) \(joinQuote(badVolumes)) \(pluralize("uses", "use", badVolumes.count)) \(pluralize("restricted volume type", "restricted volume types", types.count)) \(joinQuote(types))")
    }
}
