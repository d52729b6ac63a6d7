// Scanner readers for a pod as kube-apiserver sends it to admission: the pod, its metadata and
// spec, containers, security contexts, probes and the common volume sources. Kinds of volume,
// and the few pod fields, that these readers do not know (ephemeral containers, scheduling
// gates, resource claims, restart rules, in-tree cloud volumes…) make a scan `Unexpected`, and
// the review is decoded the general way.

extension Pod {
    /// Reads a pod from JSON bytes with a scanner, skipping the members named in `skipping`
    /// wherever a field of that name is not read (names inside maps such as labels are always
    /// kept). Nil when the scanner meets anything it does not expect: decode the general way then.
    public static func scanned(from bytes: [UInt8], skipping: [String]) -> Pod? {
        JSONScanner.scan(bytes, skipping: skipping) { scanner throws(JSONScanner.Unexpected) in try scanner.read(Pod.self) }
    }

    /// Reads a pod where a scanner stands (see `scanned(from:skipping:)`).
    public static func scan(_ scanner: inout JSONScanner) throws(JSONScanner.Unexpected) -> Pod {
        try scanner.read(Pod.self)
    }
}

extension Pod: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var apiVersion = "", kind = "", metadata = ObjectMeta(), spec = PodSpec(containers: [])
        var required = RequiredMembers()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "apiVersion": apiVersion = try scanner.string(); required.saw(0)
            case "kind": kind = try scanner.string(); required.saw(1)
            case "metadata": metadata = try scanner.read(); required.saw(2)
            case "spec": spec = try scanner.read(); required.saw(3)
            default: try scanner.skip(key)
            }
        }
        try required.require(4)
        self.init(metadata: metadata, spec: spec)
        self.apiVersion = apiVersion
        self.kind = kind
    }
}

extension ObjectMeta: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var meta = ObjectMeta()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "name": meta.name = try scanner.optional()
            case "generateName": meta.generateName = try scanner.optional()
            case "namespace": meta.namespace = try scanner.optional()
            case "selfLink": meta.selfLink = try scanner.optional()
            case "uid": meta.uid = try scanner.optional()
            case "resourceVersion": meta.resourceVersion = try scanner.optional()
            case "generation": meta.generation = try scanner.optional()
            case "creationTimestamp": meta.creationTimestamp = try scanner.optional()
            case "deletionTimestamp": meta.deletionTimestamp = try scanner.optional()
            case "deletionGracePeriodSeconds": meta.deletionGracePeriodSeconds = try scanner.optional()
            case "labels": meta.labels = try scanner.optionalMap()
            case "annotations": meta.annotations = try scanner.optionalMap()
            case "finalizers": meta.finalizers = try scanner.optionalArray()
            default: try scanner.skip(key)
            }
        }
        self = meta
    }
}

extension PodSpec: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var spec = PodSpec(containers: [])
        var required = RequiredMembers()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "volumes": spec.volumes = try scanner.optionalArray()
            case "initContainers": spec.initContainers = try scanner.optionalArray()
            case "containers": spec.containers = try scanner.array(); required.saw(0)
            case "restartPolicy": spec.restartPolicy = try scanner.optionalEnum()
            case "terminationGracePeriodSeconds": spec.terminationGracePeriodSeconds = try scanner.optional()
            case "activeDeadlineSeconds": spec.activeDeadlineSeconds = try scanner.optional()
            case "dnsPolicy": spec.dnsPolicy = try scanner.optionalEnum()
            case "serviceAccountName": spec.serviceAccountName = try scanner.optional()
            case "serviceAccount": spec.serviceAccount = try scanner.optional()
            case "automountServiceAccountToken": spec.automountServiceAccountToken = try scanner.optional()
            case "nodeName": spec.nodeName = try scanner.optional()
            case "hostNetwork": spec.hostNetwork = try scanner.optional()
            case "hostPID": spec.hostPID = try scanner.optional()
            case "hostIPC": spec.hostIPC = try scanner.optional()
            case "shareProcessNamespace": spec.shareProcessNamespace = try scanner.optional()
            case "securityContext": spec.securityContext = try scanner.optional()
            case "hostname": spec.hostname = try scanner.optional()
            case "subdomain": spec.subdomain = try scanner.optional()
            case "schedulerName": spec.schedulerName = try scanner.optional()
            case "priorityClassName": spec.priorityClassName = try scanner.optional()
            case "priority": spec.priority = try scanner.optional()
            case "runtimeClassName": spec.runtimeClassName = try scanner.optional()
            case "enableServiceLinks": spec.enableServiceLinks = try scanner.optional()
            case "preemptionPolicy": spec.preemptionPolicy = try scanner.optionalEnum()
            case "overhead": spec.overhead = try scanner.optionalMap()
            case "setHostnameAsFQDN": spec.setHostnameAsFQDN = try scanner.optional()
            case "os": spec.os = try scanner.optional()
            case "hostUsers": spec.hostUsers = try scanner.optional()
            case "resources": spec.resources = try scanner.optional()
            case "hostnameOverride": spec.hostnameOverride = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        try required.require(1)
        self = spec
    }
}

extension PodOS: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var name: OSName?
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "name": name = try scanner.readEnum()
            default: try scanner.skip(key)
            }
        }
        guard let name else { throw JSONScanner.Unexpected() }
        self.init(name: name)
    }
}

extension Container: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var container = Container(name: "")
        var required = RequiredMembers()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "name": container.name = try scanner.string(); required.saw(0)
            case "image": container.image = try scanner.optional()
            case "workingDir": container.workingDir = try scanner.optional()
            case "ports": container.ports = try scanner.optionalArray()
            case "resources": container.resources = try scanner.optional()
            case "restartPolicy": container.restartPolicy = try scanner.optionalEnum()
            case "livenessProbe": container.livenessProbe = try scanner.optional()
            case "readinessProbe": container.readinessProbe = try scanner.optional()
            case "startupProbe": container.startupProbe = try scanner.optional()
            case "lifecycle": container.lifecycle = try scanner.optional()
            case "imagePullPolicy": container.imagePullPolicy = try scanner.optionalEnum()
            case "securityContext": container.securityContext = try scanner.optional()
            case "stdin": container.stdin = try scanner.optional()
            case "stdinOnce": container.stdinOnce = try scanner.optional()
            case "tty": container.tty = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        try required.require(1)
        self = container
    }
}

extension ContainerPort: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var port = ContainerPort(containerPort: 0)
        var required = RequiredMembers()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "name": port.name = try scanner.optional()
            case "hostPort": port.hostPort = try scanner.optional()
            case "containerPort": port.containerPort = try scanner.int32(); required.saw(0)
            case "protocol": port.protocol = try scanner.optionalEnum()
            case "hostIP": port.hostIP = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        try required.require(1)
        self = port
    }
}

extension ResourceRequirements: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var resources = ResourceRequirements()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "limits": resources.limits = try scanner.optionalMap()
            case "requests": resources.requests = try scanner.optionalMap()
            default: try scanner.skip(key)
            }
        }
        self = resources
    }
}

extension SecurityContext: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var context = SecurityContext()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "capabilities": context.capabilities = try scanner.optional()
            case "privileged": context.privileged = try scanner.optional()
            case "seLinuxOptions": context.seLinuxOptions = try scanner.optional()
            case "windowsOptions": context.windowsOptions = try scanner.optional()
            case "runAsUser": context.runAsUser = try scanner.optional()
            case "runAsGroup": context.runAsGroup = try scanner.optional()
            case "runAsNonRoot": context.runAsNonRoot = try scanner.optional()
            case "readOnlyRootFilesystem": context.readOnlyRootFilesystem = try scanner.optional()
            case "allowPrivilegeEscalation": context.allowPrivilegeEscalation = try scanner.optional()
            case "procMount": context.procMount = try scanner.optionalEnum()
            case "seccompProfile": context.seccompProfile = try scanner.optional()
            case "appArmorProfile": context.appArmorProfile = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        self = context
    }
}

extension PodSecurityContext: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var context = PodSecurityContext()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "seLinuxOptions": context.seLinuxOptions = try scanner.optional()
            case "windowsOptions": context.windowsOptions = try scanner.optional()
            case "runAsUser": context.runAsUser = try scanner.optional()
            case "runAsGroup": context.runAsGroup = try scanner.optional()
            case "runAsNonRoot": context.runAsNonRoot = try scanner.optional()
            case "supplementalGroups": context.supplementalGroups = try scanner.optionalArray()
            case "supplementalGroupsPolicy": context.supplementalGroupsPolicy = try scanner.optionalEnum()
            case "fsGroup": context.fsGroup = try scanner.optional()
            case "sysctls": context.sysctls = try scanner.optionalArray()
            case "fsGroupChangePolicy": context.fsGroupChangePolicy = try scanner.optionalEnum()
            case "seccompProfile": context.seccompProfile = try scanner.optional()
            case "appArmorProfile": context.appArmorProfile = try scanner.optional()
            case "seLinuxChangePolicy": context.seLinuxChangePolicy = try scanner.optionalEnum()
            default: try scanner.skip(key)
            }
        }
        self = context
    }
}

extension Capabilities: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var capabilities = Capabilities()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "add": capabilities.add = try scanner.optionalArray()
            case "drop": capabilities.drop = try scanner.optionalArray()
            default: try scanner.skip(key)
            }
        }
        self = capabilities
    }
}

extension SELinuxOptions: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var options = SELinuxOptions()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "user": options.user = try scanner.optional()
            case "role": options.role = try scanner.optional()
            case "type": options.type = try scanner.optional()
            case "level": options.level = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        self = options
    }
}

extension WindowsSecurityContextOptions: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var options = WindowsSecurityContextOptions()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "gmsaCredentialSpecName": options.gmsaCredentialSpecName = try scanner.optional()
            case "gmsaCredentialSpec": options.gmsaCredentialSpec = try scanner.optional()
            case "runAsUserName": options.runAsUserName = try scanner.optional()
            case "hostProcess": options.hostProcess = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        self = options
    }
}

extension SeccompProfile: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var type: SeccompProfileType?
        var localhostProfile: String?
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "type": type = try scanner.readEnum()
            case "localhostProfile": localhostProfile = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        guard let type else { throw JSONScanner.Unexpected() }
        self.init(type: type, localhostProfile: localhostProfile)
    }
}

extension AppArmorProfile: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var type: AppArmorProfileType?
        var localhostProfile: String?
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "type": type = try scanner.readEnum()
            case "localhostProfile": localhostProfile = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        guard let type else { throw JSONScanner.Unexpected() }
        self.init(type: type, localhostProfile: localhostProfile)
    }
}

extension Sysctl: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var name = "", value = ""
        var required = RequiredMembers()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "name": name = try scanner.string(); required.saw(0)
            case "value": value = try scanner.string(); required.saw(1)
            default: try scanner.skip(key)
            }
        }
        try required.require(2)
        self.init(name: name, value: value)
    }
}

extension Probe: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var probe = Probe()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "exec": probe.exec = try scanner.optional()
            case "httpGet": probe.httpGet = try scanner.optional()
            case "tcpSocket": probe.tcpSocket = try scanner.optional()
            case "grpc": probe.grpc = try scanner.optional()
            case "initialDelaySeconds": probe.initialDelaySeconds = try scanner.optional()
            case "timeoutSeconds": probe.timeoutSeconds = try scanner.optional()
            case "periodSeconds": probe.periodSeconds = try scanner.optional()
            case "successThreshold": probe.successThreshold = try scanner.optional()
            case "failureThreshold": probe.failureThreshold = try scanner.optional()
            case "terminationGracePeriodSeconds": probe.terminationGracePeriodSeconds = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        self = probe
    }
}

extension ExecAction: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var action = ExecAction()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            try scanner.skip(key)  // `command` is read by no rule (`AdmissionReviewDecoder.unreadMembers`)
        }
        self = action
    }
}

extension HTTPGetAction: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var action = HTTPGetAction(port: .int(0))
        var required = RequiredMembers()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "path": action.path = try scanner.optional()
            case "port": action.port = try scanner.read(); required.saw(0)
            case "host": action.host = try scanner.optional()
            case "scheme": action.scheme = try scanner.optionalEnum()
            default: try scanner.skip(key)
            }
        }
        try required.require(1)
        self = action
    }
}

extension TCPSocketAction: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var port: IntOrString?
        var host: String?
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "port": port = try scanner.read()
            case "host": host = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        guard let port else { throw JSONScanner.Unexpected() }
        self.init(port: port, host: host)
    }
}

extension GRPCAction: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var port: Int32?
        var service: String?
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "port": port = try scanner.int32()
            case "service": service = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        guard let port else { throw JSONScanner.Unexpected() }
        self.init(port: port, service: service)
    }
}

extension SleepAction: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var seconds: Int64?
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "seconds": seconds = try scanner.int64()
            default: try scanner.skip(key)
            }
        }
        guard let seconds else { throw JSONScanner.Unexpected() }
        self.init(seconds: seconds)
    }
}

extension Lifecycle: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var lifecycle = Lifecycle()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "postStart": lifecycle.postStart = try scanner.optional()
            case "preStop": lifecycle.preStop = try scanner.optional()
            case "stopSignal": lifecycle.stopSignal = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        self = lifecycle
    }
}

extension LifecycleHandler: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var handler = LifecycleHandler()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "exec": handler.exec = try scanner.optional()
            case "httpGet": handler.httpGet = try scanner.optional()
            case "tcpSocket": handler.tcpSocket = try scanner.optional()
            case "sleep": handler.sleep = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        self = handler
    }
}

extension Volume: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var volume = Volume(name: "")
        var required = RequiredMembers()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "name": volume.name = try scanner.string(); required.saw(0)
            case "hostPath": volume.hostPath = try scanner.optional()
            case "emptyDir": volume.emptyDir = try scanner.optional()
            case "secret": volume.secret = try scanner.optional()
            case "persistentVolumeClaim": volume.persistentVolumeClaim = try scanner.optional()
            case "downwardAPI": volume.downwardAPI = try scanner.optional()
            case "configMap": volume.configMap = try scanner.optional()
            case "projected": volume.projected = try scanner.optional()
            case "csi": volume.csi = try scanner.optional()
            case "image": volume.image = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        try required.require(1)
        self = volume
    }
}

extension HostPathVolumeSource: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var path: String?
        var type: HostPathType?
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "path": path = try scanner.string()
            case "type": type = try scanner.optionalEnum()
            default: try scanner.skip(key)
            }
        }
        guard let path else { throw JSONScanner.Unexpected() }
        self.init(path: path, type: type)
    }
}

extension EmptyDirVolumeSource: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var source = EmptyDirVolumeSource()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "medium": source.medium = try scanner.optional()
            case "sizeLimit": source.sizeLimit = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        self = source
    }
}

extension SecretVolumeSource: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var source = SecretVolumeSource()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "secretName": source.secretName = try scanner.optional()
            case "defaultMode": source.defaultMode = try scanner.optional()
            case "optional": source.optional = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        self = source
    }
}

extension ConfigMapVolumeSource: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var source = ConfigMapVolumeSource()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "name": source.name = try scanner.optional()
            case "defaultMode": source.defaultMode = try scanner.optional()
            case "optional": source.optional = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        self = source
    }
}

extension PersistentVolumeClaimVolumeSource: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var claimName: String?
        var readOnly: Bool?
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "claimName": claimName = try scanner.string()
            case "readOnly": readOnly = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        guard let claimName else { throw JSONScanner.Unexpected() }
        self.init(claimName: claimName, readOnly: readOnly)
    }
}

extension DownwardAPIVolumeSource: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var source = DownwardAPIVolumeSource()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "defaultMode": source.defaultMode = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        self = source
    }
}

extension ProjectedVolumeSource: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var source = ProjectedVolumeSource()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "defaultMode": source.defaultMode = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        self = source
    }
}

extension CSIVolumeSource: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var source = CSIVolumeSource(driver: "")
        var required = RequiredMembers()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "driver": source.driver = try scanner.string(); required.saw(0)
            case "readOnly": source.readOnly = try scanner.optional()
            case "fsType": source.fsType = try scanner.optional()
            case "volumeAttributes": source.volumeAttributes = try scanner.optionalMap()
            case "nodePublishSecretRef": source.nodePublishSecretRef = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        try required.require(1)
        self = source
    }
}

extension LocalObjectReference: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var reference = LocalObjectReference()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "name": reference.name = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        self = reference
    }
}

extension ImageVolumeSource: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        var source = ImageVolumeSource()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "reference": source.reference = try scanner.optional()
            case "pullPolicy": source.pullPolicy = try scanner.optionalEnum()
            default: try scanner.skip(key)
            }
        }
        self = source
    }
}
