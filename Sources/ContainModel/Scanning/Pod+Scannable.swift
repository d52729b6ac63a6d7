// Scanner readers for a pod as kube-apiserver sends it to admission: the pod, its metadata and
// spec, containers, security contexts, probes and the common volume sources. Kinds of volume,
// and the few pod fields, that these readers do not know (ephemeral containers, scheduling
// gates, resource claims, restart rules, in-tree cloud volumes…) make a scan `Unexpected`, and
// the review is decoded the general way.

extension Pod {
    /// Reads a pod where a scanner stands, skipping the members in the scan's skip list wherever
    /// a field of that name is not read (names inside maps such as labels are always kept).
    /// `Unexpected` for anything the readers do not expect: decode the general way then.
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
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "name": self.name = try scanner.optional()
            case "generateName": self.generateName = try scanner.optional()
            case "namespace": self.namespace = try scanner.optional()
            case "selfLink": self.selfLink = try scanner.optional()
            case "uid": self.uid = try scanner.optional()
            case "resourceVersion": self.resourceVersion = try scanner.optional()
            case "generation": self.generation = try scanner.optional()
            case "creationTimestamp": self.creationTimestamp = try scanner.optional()
            case "deletionTimestamp": self.deletionTimestamp = try scanner.optional()
            case "deletionGracePeriodSeconds": self.deletionGracePeriodSeconds = try scanner.optional()
            case "labels": self.labels = try scanner.optionalMap()
            case "annotations": self.annotations = try scanner.optionalMap()
            case "finalizers": self.finalizers = try scanner.optionalArray()
            default: try scanner.skip(key)
            }
        }
    }
}

extension PodSpec: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init(containers: [])
        var required = RequiredMembers()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "volumes": self.volumes = try scanner.optionalArray()
            case "initContainers": self.initContainers = try scanner.optionalArray()
            case "containers": self.containers = try scanner.array(); required.saw(0)
            case "restartPolicy": self.restartPolicy = try scanner.optionalEnum()
            case "terminationGracePeriodSeconds": self.terminationGracePeriodSeconds = try scanner.optional()
            case "activeDeadlineSeconds": self.activeDeadlineSeconds = try scanner.optional()
            case "dnsPolicy": self.dnsPolicy = try scanner.optionalEnum()
            case "serviceAccountName": self.serviceAccountName = try scanner.optional()
            case "serviceAccount": self.serviceAccount = try scanner.optional()
            case "automountServiceAccountToken": self.automountServiceAccountToken = try scanner.optional()
            case "nodeName": self.nodeName = try scanner.optional()
            case "hostNetwork": self.hostNetwork = try scanner.optional()
            case "hostPID": self.hostPID = try scanner.optional()
            case "hostIPC": self.hostIPC = try scanner.optional()
            case "shareProcessNamespace": self.shareProcessNamespace = try scanner.optional()
            case "securityContext": self.securityContext = try scanner.optional()
            case "hostname": self.hostname = try scanner.optional()
            case "subdomain": self.subdomain = try scanner.optional()
            case "schedulerName": self.schedulerName = try scanner.optional()
            case "priorityClassName": self.priorityClassName = try scanner.optional()
            case "priority": self.priority = try scanner.optional()
            case "runtimeClassName": self.runtimeClassName = try scanner.optional()
            case "enableServiceLinks": self.enableServiceLinks = try scanner.optional()
            case "preemptionPolicy": self.preemptionPolicy = try scanner.optionalEnum()
            case "overhead": self.overhead = try scanner.optionalMap()
            case "setHostnameAsFQDN": self.setHostnameAsFQDN = try scanner.optional()
            case "os": self.os = try scanner.optional()
            case "hostUsers": self.hostUsers = try scanner.optional()
            case "resources": self.resources = try scanner.optional()
            case "hostnameOverride": self.hostnameOverride = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        try required.require(1)
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
        self.init(name: "")
        var required = RequiredMembers()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "name": self.name = try scanner.string(); required.saw(0)
            case "image": self.image = try scanner.optional()
            case "workingDir": self.workingDir = try scanner.optional()
            case "ports": self.ports = try scanner.optionalArray()
            case "resources": self.resources = try scanner.optional()
            case "restartPolicy": self.restartPolicy = try scanner.optionalEnum()
            case "livenessProbe": self.livenessProbe = try scanner.optional()
            case "readinessProbe": self.readinessProbe = try scanner.optional()
            case "startupProbe": self.startupProbe = try scanner.optional()
            case "lifecycle": self.lifecycle = try scanner.optional()
            case "imagePullPolicy": self.imagePullPolicy = try scanner.optionalEnum()
            case "securityContext": self.securityContext = try scanner.optional()
            case "stdin": self.stdin = try scanner.optional()
            case "stdinOnce": self.stdinOnce = try scanner.optional()
            case "tty": self.tty = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        try required.require(1)
    }
}

extension ContainerPort: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init(containerPort: 0)
        var required = RequiredMembers()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "name": self.name = try scanner.optional()
            case "hostPort": self.hostPort = try scanner.optional()
            case "containerPort": self.containerPort = try scanner.int32(); required.saw(0)
            case "protocol": self.protocol = try scanner.optionalEnum()
            case "hostIP": self.hostIP = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        try required.require(1)
    }
}

extension ResourceRequirements: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "limits": self.limits = try scanner.optionalMap()
            case "requests": self.requests = try scanner.optionalMap()
            default: try scanner.skip(key)
            }
        }
    }
}

extension SecurityContext: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "capabilities": self.capabilities = try scanner.optional()
            case "privileged": self.privileged = try scanner.optional()
            case "seLinuxOptions": self.seLinuxOptions = try scanner.optional()
            case "windowsOptions": self.windowsOptions = try scanner.optional()
            case "runAsUser": self.runAsUser = try scanner.optional()
            case "runAsGroup": self.runAsGroup = try scanner.optional()
            case "runAsNonRoot": self.runAsNonRoot = try scanner.optional()
            case "readOnlyRootFilesystem": self.readOnlyRootFilesystem = try scanner.optional()
            case "allowPrivilegeEscalation": self.allowPrivilegeEscalation = try scanner.optional()
            case "procMount": self.procMount = try scanner.optionalEnum()
            case "seccompProfile": self.seccompProfile = try scanner.optional()
            case "appArmorProfile": self.appArmorProfile = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
    }
}

extension PodSecurityContext: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "seLinuxOptions": self.seLinuxOptions = try scanner.optional()
            case "windowsOptions": self.windowsOptions = try scanner.optional()
            case "runAsUser": self.runAsUser = try scanner.optional()
            case "runAsGroup": self.runAsGroup = try scanner.optional()
            case "runAsNonRoot": self.runAsNonRoot = try scanner.optional()
            case "supplementalGroups": self.supplementalGroups = try scanner.optionalArray()
            case "supplementalGroupsPolicy": self.supplementalGroupsPolicy = try scanner.optionalEnum()
            case "fsGroup": self.fsGroup = try scanner.optional()
            case "sysctls": self.sysctls = try scanner.optionalArray()
            case "fsGroupChangePolicy": self.fsGroupChangePolicy = try scanner.optionalEnum()
            case "seccompProfile": self.seccompProfile = try scanner.optional()
            case "appArmorProfile": self.appArmorProfile = try scanner.optional()
            case "seLinuxChangePolicy": self.seLinuxChangePolicy = try scanner.optionalEnum()
            default: try scanner.skip(key)
            }
        }
    }
}

extension Capabilities: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "add": self.add = try scanner.optionalArray()
            case "drop": self.drop = try scanner.optionalArray()
            default: try scanner.skip(key)
            }
        }
    }
}

extension SELinuxOptions: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "user": self.user = try scanner.optional()
            case "role": self.role = try scanner.optional()
            case "type": self.type = try scanner.optional()
            case "level": self.level = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
    }
}

extension WindowsSecurityContextOptions: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "gmsaCredentialSpecName": self.gmsaCredentialSpecName = try scanner.optional()
            case "gmsaCredentialSpec": self.gmsaCredentialSpec = try scanner.optional()
            case "runAsUserName": self.runAsUserName = try scanner.optional()
            case "hostProcess": self.hostProcess = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
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
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "exec": self.exec = try scanner.optional()
            case "httpGet": self.httpGet = try scanner.optional()
            case "tcpSocket": self.tcpSocket = try scanner.optional()
            case "grpc": self.grpc = try scanner.optional()
            case "initialDelaySeconds": self.initialDelaySeconds = try scanner.optional()
            case "timeoutSeconds": self.timeoutSeconds = try scanner.optional()
            case "periodSeconds": self.periodSeconds = try scanner.optional()
            case "successThreshold": self.successThreshold = try scanner.optional()
            case "failureThreshold": self.failureThreshold = try scanner.optional()
            case "terminationGracePeriodSeconds": self.terminationGracePeriodSeconds = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
    }
}

extension ExecAction: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            try scanner.skip(key)  // `command` is read by no rule (`AdmissionReviewDecoder.unreadMembers`)
        }
    }
}

extension HTTPGetAction: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init(port: .int(0))
        var required = RequiredMembers()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "path": self.path = try scanner.optional()
            case "port": self.port = try scanner.read(); required.saw(0)
            case "host": self.host = try scanner.optional()
            case "scheme": self.scheme = try scanner.optionalEnum()
            default: try scanner.skip(key)
            }
        }
        try required.require(1)
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
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "postStart": self.postStart = try scanner.optional()
            case "preStop": self.preStop = try scanner.optional()
            case "stopSignal": self.stopSignal = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
    }
}

extension LifecycleHandler: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "exec": self.exec = try scanner.optional()
            case "httpGet": self.httpGet = try scanner.optional()
            case "tcpSocket": self.tcpSocket = try scanner.optional()
            case "sleep": self.sleep = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
    }
}

extension Volume: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init(name: "")
        var required = RequiredMembers()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "name": self.name = try scanner.string(); required.saw(0)
            case "hostPath": self.hostPath = try scanner.optional()
            case "emptyDir": self.emptyDir = try scanner.optional()
            case "secret": self.secret = try scanner.optional()
            case "persistentVolumeClaim": self.persistentVolumeClaim = try scanner.optional()
            case "downwardAPI": self.downwardAPI = try scanner.optional()
            case "configMap": self.configMap = try scanner.optional()
            case "projected": self.projected = try scanner.optional()
            case "csi": self.csi = try scanner.optional()
            case "image": self.image = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        try required.require(1)
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
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "medium": self.medium = try scanner.optional()
            case "sizeLimit": self.sizeLimit = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
    }
}

extension SecretVolumeSource: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "secretName": self.secretName = try scanner.optional()
            case "defaultMode": self.defaultMode = try scanner.optional()
            case "optional": self.optional = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
    }
}

extension ConfigMapVolumeSource: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "name": self.name = try scanner.optional()
            case "defaultMode": self.defaultMode = try scanner.optional()
            case "optional": self.optional = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
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
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "defaultMode": self.defaultMode = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
    }
}

extension ProjectedVolumeSource: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "defaultMode": self.defaultMode = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
    }
}

extension CSIVolumeSource: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init(driver: "")
        var required = RequiredMembers()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "driver": self.driver = try scanner.string(); required.saw(0)
            case "readOnly": self.readOnly = try scanner.optional()
            case "fsType": self.fsType = try scanner.optional()
            case "volumeAttributes": self.volumeAttributes = try scanner.optionalMap()
            case "nodePublishSecretRef": self.nodePublishSecretRef = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
        try required.require(1)
    }
}

extension LocalObjectReference: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "name": self.name = try scanner.optional()
            default: try scanner.skip(key)
            }
        }
    }
}

extension ImageVolumeSource: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self.init()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "reference": self.reference = try scanner.optional()
            case "pullPolicy": self.pullPolicy = try scanner.optionalEnum()
            default: try scanner.skip(key)
            }
        }
    }
}
