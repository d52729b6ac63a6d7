import ContainModel

extension PodSecurityChecks {
    /// `restrictedVolumes` (restricted, v1.0+; replaces `hostPathVolumes`): only configMap, csi,
    /// downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret
    /// volumes. A volume with no source counts as `emptyDir`, as the API server defaults it.
    public static let restrictedVolumes = PodSecurityCheck(
        id: "restrictedVolumes", level: .restricted,
        revisions: [.init(from: 0, overrides: ["hostPathVolumes"]) { _, spec in restrictedVolumesV1Dot0(spec) }])

    /// The restricted type of a volume, or `nil` when its type is allowed.
    static func restrictedVolumeType(_ v: Volume) -> String? {
        if v.configMap != nil || v.csi != nil || v.downwardAPI != nil || v.emptyDir != nil || v.ephemeral != nil
            || v.image != nil || v.persistentVolumeClaim != nil || v.projected != nil || v.secret != nil
        {
            return nil
        }
        if v.hostPath != nil { return "hostPath" }
        if v.gcePersistentDisk != nil { return "gcePersistentDisk" }
        if v.awsElasticBlockStore != nil { return "awsElasticBlockStore" }
        if v.gitRepo != nil { return "gitRepo" }
        if v.nfs != nil { return "nfs" }
        if v.iscsi != nil { return "iscsi" }
        if v.glusterfs != nil { return "glusterfs" }
        if v.rbd != nil { return "rbd" }
        if v.flexVolume != nil { return "flexVolume" }
        if v.cinder != nil { return "cinder" }
        if v.cephfs != nil { return "cephfs" }
        if v.flocker != nil { return "flocker" }
        if v.fc != nil { return "fc" }
        if v.azureFile != nil { return "azureFile" }
        if v.vsphereVolume != nil { return "vsphereVolume" }
        if v.quobyte != nil { return "quobyte" }
        if v.azureDisk != nil { return "azureDisk" }
        if v.photonPersistentDisk != nil { return "photonPersistentDisk" }
        if v.portworxVolume != nil { return "portworxVolume" }
        if v.scaleIO != nil { return "scaleIO" }
        if v.storageos != nil { return "storageos" }
        return nil  // no source at all: defaulted to emptyDir
    }

    static func restrictedVolumesV1Dot0(_ spec: PodSpec) -> PodSecurityFinding? {
        guard let volumes = spec.volumes else { return nil }
        var badVolumes: [String] = []
        var badTypes: [String] = []
        for index in volumes.indices {  // by index: a Volume has 30 optional sources to copy
            if let type = restrictedVolumeType(volumes[index]) {
                badVolumes.append(volumes[index].name)
                badTypes.append(type)
            }
        }
        if badVolumes.isEmpty { return nil }
        let types = sortedUnique(badTypes)
        return PodSecurityFinding(
            reason: "restricted volume types",
            detail: "\(pluralize("volume", "volumes", badVolumes.count)) \(joinQuote(badVolumes)) \(pluralize("uses", "use", badVolumes.count)) \(pluralize("restricted volume type", "restricted volume types", types.count)) \(joinQuote(types))")
    }
}
