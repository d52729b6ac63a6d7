import ContainModel

extension PodSecurityChecks {
    /// `hostPathVolumes` (baseline, v1.0+): no `hostPath` volumes.
    public static let hostPathVolumes = PodSecurityCheck(
        id: "hostPathVolumes", level: .baseline,
        revisions: [.init(from: 0) { _, spec in hostPathVolumesV1Dot0(spec) }])

    static func hostPathVolumesV1Dot0(_ spec: PodSpec) -> PodSecurityFinding? {
        guard let volumes = spec.volumes else { return nil }
        var bad: [String] = []
        volumes.withUnsafeBufferPointer { buffer in  // in place: a Volume is too large to copy out
            for index in buffer.indices where buffer[index].hostPath != nil { bad.append(buffer[index].name) }
        }
        if bad.isEmpty { return nil }
        return PodSecurityFinding(reason: "hostPath volumes",
                                  detail: "\(pluralize("volume", "volumes", bad.count)) \(joinQuote(bad))")
    }
}
