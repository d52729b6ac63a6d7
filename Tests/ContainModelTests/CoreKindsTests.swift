import Testing

import ContainModel

/// Tests for the typed Kubernetes kinds: every kind decodes a realistic manifest strictly and
/// writes it back unchanged, through values and through YAML and JSON text.
@Suite("Core kinds")
struct CoreKindsTests {
    // MARK: - Helpers

    /// Decodes the first document of `yaml` strictly as `T`, and checks that re-encoding gives the
    /// source value back and that YAML and JSON text round trips give back an equal object.
    @discardableResult
    static func roundTrip<T: KubeObject>(
        _ type: T.Type, _ yaml: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> T {
        let source = try #require(try YAMLReader.documents(yaml).first, sourceLocation: sourceLocation).value
        let object = try ValueDecoder().decode(T.self, from: source)
        #expect(object.apiVersion == T.resourceType.apiVersion, sourceLocation: sourceLocation)
        #expect(object.kind == T.resourceType.kind, sourceLocation: sourceLocation)

        let encoded = try ValueEncoder().encode(object)
        #expect(encoded == source, "first difference: \(difference(encoded, source) ?? "none")",
                sourceLocation: sourceLocation)

        let yamlText = YAMLWriter.document(encoded)
        let fromYAML = try ValueDecoder().decode(T.self, from: try YAMLReader.value(yamlText))
        #expect(fromYAML == object, "YAML round trip changed the object", sourceLocation: sourceLocation)

        let jsonText = JSONWriter.pretty(encoded)
        let fromJSON = try ValueDecoder().decode(T.self, from: try JSONReader.value(jsonText))
        #expect(fromJSON == object, "JSON round trip changed the object", sourceLocation: sourceLocation)
        return object
    }

    /// The path of the first place two JSON values differ, for failure messages.
    static func difference(_ lhs: JSONValue, _ rhs: JSONValue, at path: String = "") -> String? {
        switch (lhs, rhs) {
        case (.object(let left), .object(let right)):
            for key in Set(left.keys).union(right.keys).sorted() {
                guard let l = left[key], let r = right[key] else {
                    return "\(path).\(key) (present on one side only)"
                }
                if let found = difference(l, r, at: "\(path).\(key)") { return found }
            }
            return nil
        case (.array(let left), .array(let right)):
            guard left.count == right.count else { return "\(path) (array lengths differ)" }
            for (index, (l, r)) in zip(left, right).enumerated() {
                if let found = difference(l, r, at: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return lhs == rhs ? nil : "\(path): \(lhs) vs \(rhs)"
        }
    }

    static func decodeFailure<T: Decodable>(_ type: T.Type, _ yaml: String) throws -> DecodingFailure? {
        let value = try YAMLReader.value(yaml)
        do {
            _ = try ValueDecoder().decode(T.self, from: value)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - core/v1

    static let podYAML = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-0
          namespace: shop
          labels: {app: web, tier: frontend}
          annotations:
            example.com/owner: team-shop
          ownerReferences:
          - {apiVersion: apps/v1, kind: StatefulSet, name: web, uid: 6f1c9a52-0d1e-4bb2-9d4b-0a4e4c1f2b3a,
              controller: true, blockOwnerDeletion: true}
        spec:
          volumes:
          - name: data
            persistentVolumeClaim: {claimName: data-web-0, readOnly: false}
          - name: cache
            emptyDir: {medium: Memory, sizeLimit: 256Mi}
          - name: config
            configMap:
              name: web-config
              items: [{key: app.yaml, path: app.yaml, mode: 0644}]
              defaultMode: 420
              optional: true
          - name: certs
            secret: {secretName: web-tls, defaultMode: 256}
          - name: token
            projected:
              defaultMode: 420
              sources:
              - serviceAccountToken: {audience: vault, expirationSeconds: 3600, path: token}
              - configMap: {name: kube-root-ca.crt, items: [{key: ca.crt, path: ca.crt}]}
              - downwardAPI:
                  items:
                  - path: namespace
                    fieldRef: {apiVersion: v1, fieldPath: metadata.namespace}
              - clusterTrustBundle: {signerName: example.com/signer, labelSelector: {matchLabels: {trust: root}},
                  optional: true, path: bundle.pem}
          - name: podinfo
            downwardAPI:
              items:
              - path: cpu-limit
                resourceFieldRef: {containerName: app, resource: limits.cpu, divisor: 1m}
          - name: host-logs
            hostPath: {path: /var/log, type: Directory}
          - name: scratch
            ephemeral:
              volumeClaimTemplate:
                metadata: {labels: {type: scratch}}
                spec:
                  accessModes: [ReadWriteOnce]
                  storageClassName: fast
                  resources: {requests: {storage: 1Gi}}
          - name: models
            image: {reference: "registry.example.com/models:v3", pullPolicy: IfNotPresent}
          initContainers:
          - name: migrate
            image: "registry.example.com/web:1.4.2"
            command: [/app/migrate]
            args: [--up]
            env:
            - name: DATABASE_URL
              valueFrom: {secretKeyRef: {name: db, key: url, optional: false}}
            securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}
          - name: log-shipper
            image: "fluent/fluent-bit:3.0"
            restartPolicy: Always
            volumeMounts:
            - {name: host-logs, mountPath: /var/log, readOnly: true, mountPropagation: HostToContainer}
          containers:
          - name: app
            image: "registry.example.com/web:1.4.2"
            imagePullPolicy: IfNotPresent
            workingDir: /app
            ports:
            - {name: http, containerPort: 8080, protocol: TCP}
            - {name: metrics, containerPort: 9090, hostPort: 9090, hostIP: 127.0.0.1, protocol: TCP}
            envFrom:
            - prefix: CFG_
              configMapRef: {name: web-config, optional: true}
            - secretRef: {name: web-secrets}
            env:
            - {name: LOG_LEVEL, value: info}
            - name: POD_NAME
              valueFrom: {fieldRef: {fieldPath: metadata.name}}
            - name: MEMORY_LIMIT
              valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}
            - name: FEATURE_FLAGS
              valueFrom: {configMapKeyRef: {name: flags, key: enabled, optional: true}}
            - name: API_KEY
              valueFrom: {fileKeyRef: {volumeName: config, path: app.env, key: API_KEY}}
            resources:
              requests: {cpu: 250m, memory: 256Mi}
              limits: {cpu: "1", memory: 512Mi, ephemeral-storage: 2Gi}
              claims: [{name: gpu, request: large}]
            resizePolicy:
            - {resourceName: cpu, restartPolicy: NotRequired}
            - {resourceName: memory, restartPolicy: RestartContainer}
            restartPolicyRules:
            - action: Restart
              exitCodes: {operator: In, values: [42]}
            volumeMounts:
            - {name: data, mountPath: /data}
            - {name: config, mountPath: /etc/web, readOnly: true, recursiveReadOnly: IfPossible}
            - {name: cache, mountPath: /cache, subPathExpr: $(POD_NAME)}
            volumeDevices:
            - {name: data, devicePath: /dev/xvda}
            livenessProbe:
              httpGet:
                path: /healthz
                port: http
                host: 127.0.0.1
                scheme: HTTP
                httpHeaders: [{name: X-Probe, value: liveness}]
              initialDelaySeconds: 10
              periodSeconds: 20
              timeoutSeconds: 2
              failureThreshold: 3
              terminationGracePeriodSeconds: 15
            readinessProbe:
              tcpSocket: {port: 8080, host: localhost}
              successThreshold: 1
            startupProbe:
              grpc: {port: 9090, service: health}
              failureThreshold: 30
            lifecycle:
              postStart:
                exec: {command: [/bin/sh, -c, echo started]}
              preStop:
                sleep: {seconds: 5}
              stopSignal: SIGTERM
            terminationMessagePath: /dev/termination-log
            terminationMessagePolicy: FallbackToLogsOnError
            securityContext:
              capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}
              privileged: false
              seLinuxOptions: {level: "s0:c123,c456", type: container_t}
              runAsUser: 1000
              runAsGroup: 3000
              runAsNonRoot: true
              readOnlyRootFilesystem: true
              allowPrivilegeEscalation: false
              procMount: Default
              seccompProfile: {type: Localhost, localhostProfile: profiles/web.json}
              appArmorProfile: {type: RuntimeDefault}
            stdin: false
            stdinOnce: false
            tty: false
          - name: proxy
            image: "envoyproxy/envoy:v1.30"
            lifecycle:
              preStop:
                httpGet: {path: /drain, port: 9901, host: 10.0.0.1}
          ephemeralContainers:
          - name: debugger
            image: "busybox:1.36"
            command: [sh]
            stdin: true
            tty: true
            targetContainerName: app
            securityContext:
              capabilities: {add: [SYS_PTRACE]}
          restartPolicy: Always
          terminationGracePeriodSeconds: 30
          activeDeadlineSeconds: 86400
          dnsPolicy: ClusterFirst
          nodeSelector: {kubernetes.io/os: linux}
          serviceAccountName: web
          serviceAccount: web
          automountServiceAccountToken: false
          nodeName: worker-1
          hostNetwork: false
          hostPID: false
          hostIPC: false
          shareProcessNamespace: false
          securityContext:
            seLinuxOptions: {user: system_u, role: system_r, type: spc_t, level: s0}
            windowsOptions: {gmsaCredentialSpecName: web-gmsa, gmsaCredentialSpec: "{}",
                runAsUserName: ContainerUser, hostProcess: false}
            runAsUser: 1000
            runAsGroup: 3000
            runAsNonRoot: true
            supplementalGroups: [4000, 5000]
            supplementalGroupsPolicy: Strict
            fsGroup: 2000
            sysctls: [{name: net.ipv4.ip_local_port_range, value: "1024 65535"}]
            fsGroupChangePolicy: OnRootMismatch
            seccompProfile: {type: RuntimeDefault}
            appArmorProfile: {type: Localhost, localhostProfile: k8s-web}
            seLinuxChangePolicy: MountOption
          imagePullSecrets: [{name: registry-creds}]
          hostname: web-0
          subdomain: web
          affinity:
            nodeAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                nodeSelectorTerms:
                - matchExpressions:
                  - {key: topology.kubernetes.io/zone, operator: In, values: [eu-1a, eu-1b]}
                  matchFields:
                  - {key: metadata.name, operator: NotIn, values: [worker-9]}
              preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 50
                preference:
                  matchExpressions:
                  - {key: node.example.com/cpu-generation, operator: Gt, values: ["3"]}
            podAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
              - labelSelector:
                  matchExpressions:
                  - {key: app, operator: In, values: [cache]}
                namespaces: [shop]
                topologyKey: kubernetes.io/hostname
            podAntiAffinity:
              preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 100
                podAffinityTerm:
                  labelSelector: {matchLabels: {app: web}}
                  namespaceSelector: {}
                  topologyKey: topology.kubernetes.io/zone
                  matchLabelKeys: [pod-template-hash]
                  mismatchLabelKeys: [tenant]
          schedulerName: default-scheduler
          tolerations:
          - {key: dedicated, operator: Equal, value: web, effect: NoSchedule}
          - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
          hostAliases: [{ip: 10.0.0.10, hostnames: [db.internal, cache.internal]}]
          priorityClassName: high
          priority: 1000
          dnsConfig:
            nameservers: [10.0.0.53]
            searches: [shop.svc.cluster.local]
            options: [{name: ndots, value: "2"}, {name: edns0}]
          readinessGates: [{conditionType: example.com/load-balancer-ready}]
          runtimeClassName: gvisor
          enableServiceLinks: false
          preemptionPolicy: PreemptLowerPriority
          overhead: {cpu: 250m, memory: 120Mi}
          topologySpreadConstraints:
          - maxSkew: 1
            topologyKey: topology.kubernetes.io/zone
            whenUnsatisfiable: DoNotSchedule
            labelSelector: {matchLabels: {app: web}}
            minDomains: 3
            nodeAffinityPolicy: Honor
            nodeTaintsPolicy: Ignore
            matchLabelKeys: [pod-template-hash]
          setHostnameAsFQDN: false
          os: {name: linux}
          hostUsers: false
          schedulingGates: [{name: example.com/quota-check}]
          resourceClaims: [{name: gpu, resourceClaimTemplateName: gpu-template}]
          resources:
            limits: {cpu: "2", memory: 1Gi}
        status:
          observedGeneration: 1
          phase: Running
          conditions:
          - {type: PodScheduled, status: "True", lastTransitionTime: "2025-01-02T03:04:05Z"}
          - {type: Ready, status: "False", observedGeneration: 1, lastProbeTime: "2025-01-02T03:05:00Z",
              lastTransitionTime: "2025-01-02T03:04:30Z", reason: ContainersNotReady,
              message: "containers with unready status: [app]"}
          hostIP: 192.168.1.20
          hostIPs: [{ip: 192.168.1.20}]
          podIP: 10.244.1.7
          podIPs: [{ip: 10.244.1.7}, {ip: "fd00:10:244:1::7"}]
          startTime: "2025-01-02T03:04:06Z"
          initContainerStatuses:
          - name: migrate
            state:
              terminated: {exitCode: 0, reason: Completed, startedAt: "2025-01-02T03:04:10Z",
                  finishedAt: "2025-01-02T03:04:20Z", containerID: "containerd://aa11"}
            ready: true
            restartCount: 0
            image: "registry.example.com/web:1.4.2"
            imageID: "registry.example.com/web@sha256:0123"
            containerID: "containerd://aa11"
            started: false
          containerStatuses:
          - name: app
            state:
              running: {startedAt: "2025-01-02T03:04:25Z"}
            lastState:
              terminated: {exitCode: 137, signal: 9, reason: OOMKilled, message: out of memory,
                  startedAt: "2025-01-02T03:04:21Z", finishedAt: "2025-01-02T03:04:24Z",
                  containerID: "containerd://bb22"}
            ready: false
            restartCount: 1
            image: "registry.example.com/web:1.4.2"
            imageID: "registry.example.com/web@sha256:0123"
            containerID: "containerd://cc33"
            started: true
            allocatedResources: {cpu: 250m, memory: 256Mi}
            resources:
              requests: {cpu: 250m, memory: 256Mi}
            volumeMounts:
            - {name: models, mountPath: /models, readOnly: true, recursiveReadOnly: Enabled,
                volumeStatus: {image: {imageRef: "registry.example.com/models@sha256:4567"}}}
            user:
              linux: {uid: 1000, gid: 3000, supplementalGroups: [4000, 5000]}
            allocatedResourcesStatus:
            - name: "claim:gpu/large"
              resources: [{resourceID: example.com/pool/gpu-0, health: Healthy}]
            stopSignal: SIGTERM
          - name: proxy
            state:
              waiting: {reason: ImagePullBackOff, message: back-off pulling image}
            ready: false
            restartCount: 0
            image: "envoyproxy/envoy:v1.30"
            imageID: ""
          qosClass: Burstable
          ephemeralContainerStatuses:
          - {name: debugger, ready: false, restartCount: 0, image: "busybox:1.36",
              imageID: "docker.io/library/busybox@sha256:89ab"}
          resourceClaimStatuses: [{name: gpu, resourceClaimName: web-0-gpu-x7k2p}]
          extendedResourceClaimStatus:
            requestMappings: [{containerName: app, resourceName: example.com/gpu, requestName: container-0-request-0}]
            resourceClaimName: web-0-extended-resources-abcde
          allocatedResources: {cpu: 250m, memory: 256Mi}
          resources:
            limits: {cpu: "2", memory: 1Gi}
        """

    @Test func podRoundTripsEveryField() throws {
        let pod = try Self.roundTrip(Pod.self, Self.podYAML)
        let spec = pod.spec
        #expect(spec.volumes?.count == 9)
        // `mode: 0644` is octal in YAML 1.1, as Kubernetes reads it.
        #expect(spec.volumes?.first { $0.name == "config" }?.configMap?.items?.first?.mode == 420)
        #expect(spec.volumes?.first { $0.name == "cache" }?.emptyDir?.sizeLimit == Quantity(256 * 1024 * 1024))
        #expect(spec.volumes?.first { $0.name == "token" }?.projected?.sources?.count == 4)
        let scratch = spec.volumes?.first { $0.name == "scratch" }
        #expect(scratch?.ephemeral?.volumeClaimTemplate?.spec.storageClassName == "fast")

        let app = try #require(spec.containers.first)
        #expect(app.ports?.last?.hostPort == 9090)
        #expect(app.ports?.first?.protocol == .tcp)
        #expect(app.livenessProbe?.httpGet?.port == .string("http"))
        #expect(app.livenessProbe?.httpGet?.host == "127.0.0.1")
        #expect(app.readinessProbe?.tcpSocket?.port == .int(8080))
        #expect(app.readinessProbe?.tcpSocket?.host == "localhost")
        #expect(app.startupProbe?.grpc?.service == "health")
        #expect(app.lifecycle?.preStop?.sleep?.seconds == 5)
        #expect(spec.containers[1].lifecycle?.preStop?.httpGet?.host == "10.0.0.1")
        #expect(app.resources?.limits?["cpu"] == Quantity(1))
        #expect(app.resources?.requests?["cpu"] == Quantity(milliValue: 250))
        #expect(app.env?.first { $0.name == "MEMORY_LIMIT" }?.valueFrom?.resourceFieldRef?.divisor == "1Mi")
        #expect(app.securityContext?.capabilities?.drop == ["ALL"])
        #expect(app.securityContext?.seccompProfile?.type == .localhost)
        #expect(app.securityContext?.procMount == .default)
        #expect(app.securityContext?.runAsUser == 1000)
        #expect(spec.initContainers?.last?.restartPolicy == .always)
        #expect(spec.ephemeralContainers?.first?.targetContainerName == "app")

        #expect(spec.securityContext?.windowsOptions?.hostProcess == false)
        #expect(spec.securityContext?.sysctls?.first?.value == "1024 65535")
        #expect(spec.securityContext?.supplementalGroupsPolicy == .strict)
        #expect(spec.securityContext?.seLinuxChangePolicy == .mountOption)
        #expect(spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.first?.preference
            .matchExpressions?.first?.operator == .gt)
        #expect(spec.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.first?
            .podAffinityTerm.namespaceSelector == LabelSelector())
        #expect(spec.tolerations?.last?.operator == .exists)
        #expect(spec.tolerations?.last?.effect == .noExecute)
        #expect(spec.tolerations?.last?.tolerationSeconds == 300)
        #expect(spec.dnsPolicy == .clusterFirst)
        #expect(spec.os?.name == .linux)
        #expect(spec.topologySpreadConstraints?.first?.whenUnsatisfiable == .doNotSchedule)

        let status = try #require(pod.status)
        #expect(status.phase == .running)
        #expect(status.podIPs?.map(\.ip) == ["10.244.1.7", "fd00:10:244:1::7"])
        #expect(status.startTime == Time(rfc3339: "2025-01-02T03:04:06Z"))
        #expect(status.conditions?.last?.status == .false)
        #expect(status.containerStatuses?.first?.lastState?.terminated?.exitCode == 137)
        #expect(status.containerStatuses?.last?.state?.waiting?.reason == "ImagePullBackOff")
        #expect(status.qosClass == .burstable)
    }

    /// Every volume source of `core/v1.Volume`, each named after its JSON member (lower-cased).
    static let allVolumesYAML = """
        apiVersion: v1
        kind: Pod
        metadata: {name: volumes, namespace: shop}
        spec:
          containers: [{name: app, image: "busybox:1.36"}]
          volumes:
          - {name: hostpath, hostPath: {path: /srv, type: DirectoryOrCreate}}
          - {name: emptydir, emptyDir: {}}
          - {name: gcepersistentdisk, gcePersistentDisk: {pdName: disk-1, fsType: ext4, partition: 1, readOnly: true}}
          - {name: awselasticblockstore, awsElasticBlockStore: {volumeID: vol-0123, fsType: ext4, partition: 0,
              readOnly: false}}
          - {name: gitrepo, gitRepo: {repository: "https://example.com/repo.git", revision: main, directory: "."}}
          - {name: secret, secret: {secretName: creds, items: [{key: a, path: a}], defaultMode: 256, optional: false}}
          - {name: nfs, nfs: {server: nfs.example.com, path: /exports, readOnly: true}}
          - {name: iscsi, iscsi: {targetPortal: "10.0.0.1:3260", iqn: "iqn.2001-04.com.example:storage", lun: 0,
              iscsiInterface: default, fsType: ext4, readOnly: false, portals: ["10.0.0.2:3260"],
              chapAuthDiscovery: true, chapAuthSession: true, secretRef: {name: chap},
              initiatorName: "iqn.1996-04.de.suse:01:23456789"}}
          - {name: glusterfs, glusterfs: {endpoints: glusterfs-cluster, path: kube_vol, readOnly: true}}
          - {name: persistentvolumeclaim, persistentVolumeClaim: {claimName: data}}
          - {name: rbd, rbd: {monitors: ["10.16.154.78:6789"], image: foo, fsType: ext4, pool: kube, user: admin,
              keyring: /etc/ceph/keyring, secretRef: {name: ceph-secret}, readOnly: true}}
          - {name: flexvolume, flexVolume: {driver: example/lvm, fsType: ext4, secretRef: {name: flex-secret},
              readOnly: false, options: {volumeID: vol1, size: 1000m}}}
          - {name: cinder, cinder: {volumeID: bd82f7e2, fsType: ext4, readOnly: false, secretRef: {name: os-creds}}}
          - {name: cephfs, cephfs: {monitors: ["10.16.154.78:6789"], path: /, user: admin,
              secretFile: /etc/ceph/admin.secret, secretRef: {name: ceph}, readOnly: true}}
          - {name: flocker, flocker: {datasetName: my-dataset, datasetUUID: "0b0fd5b0"}}
          - {name: downwardapi, downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels},
              mode: 292}], defaultMode: 420}}
          - {name: fc, fc: {targetWWNs: ["500a0982991b8dc5"], lun: 2, fsType: ext4, readOnly: true,
              wwids: ["3600508b400105e210000900000490000"]}}
          - {name: azurefile, azureFile: {secretName: azure-secret, shareName: share, readOnly: false}}
          - {name: configmap, configMap: {name: cm, items: [{key: k, path: p, mode: 256}], defaultMode: 420,
              optional: true}}
          - {name: vspherevolume, vsphereVolume: {volumePath: "[datastore1] volumes/myDisk", fsType: ext4,
              storagePolicyName: gold, storagePolicyID: sp-1}}
          - {name: quobyte, quobyte: {registry: "registry:7861", volume: testVolume, readOnly: true, user: root,
              group: root, tenant: t1}}
          - {name: azuredisk, azureDisk: {diskName: test.vhd,
              diskURI: "https://account.blob.core.windows.net/vhds/test.vhd", cachingMode: ReadOnly, fsType: ext4,
              readOnly: true, kind: Managed}}
          - {name: photonpersistentdisk, photonPersistentDisk: {pdID: pd-1, fsType: ext4}}
          - {name: projected, projected: {sources: [{secret: {name: s, items: [{key: a, path: a}], optional: true}},
              {podCertificate: {signerName: example.com/signer, keyType: ED25519, maxExpirationSeconds: 86400,
              credentialBundlePath: creds.pem, userAnnotations: {example.com/team: shop}}}], defaultMode: 420}}
          - {name: portworxvolume, portworxVolume: {volumeID: pxvol, fsType: ext4, readOnly: false}}
          - {name: scaleio, scaleIO: {gateway: "https://localhost:443/api", system: scaleio,
              secretRef: {name: sio-secret}, sslEnabled: true, protectionDomain: pd01, storagePool: sp01,
              storageMode: ThinProvisioned, volumeName: vol-0, fsType: xfs, readOnly: false}}
          - {name: storageos, storageos: {volumeName: redis-vol01, volumeNamespace: default, fsType: ext4,
              readOnly: false, secretRef: {name: storageos-secret}}}
          - {name: csi, csi: {driver: inline.storage.kubernetes.io, readOnly: true, fsType: ext4,
              volumeAttributes: {foo: bar}, nodePublishSecretRef: {name: csi-secret}}}
          - {name: ephemeral, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOncePod],
              volumeMode: Filesystem, resources: {requests: {storage: 1Gi}}}}}}
          - {name: image, image: {reference: "quay.io/crio/artifact:v2", pullPolicy: Always}}
        """

    @Test func everyVolumeSourceIsTyped() throws {
        let pod = try Self.roundTrip(Pod.self, Self.allVolumesYAML)
        let volumes = try #require(pod.spec.volumes)
        #expect(volumes.count == 30)
        for volume in volumes {
            #expect(volume.sourceNames.map { $0.lowercased() } == [volume.name], "volume \(volume.name)")
        }
        #expect(Set(volumes.flatMap(\.sourceNames)).count == 30)
        #expect(volumes.first { $0.name == "hostpath" }?.hostPath?.type == .directoryOrCreate)
        #expect(volumes.first { $0.name == "iscsi" }?.iscsi?.secretRef?.name == "chap")
        #expect(volumes.first { $0.name == "azuredisk" }?.azureDisk?.cachingMode == .readOnly)
        #expect(volumes.first { $0.name == "scaleio" }?.scaleIO?.secretRef?.name == "sio-secret")
        let projected = volumes.first { $0.name == "projected" }?.projected
        #expect(projected?.sources?.last?.podCertificate?.keyType == "ED25519")
        #expect(Volume(name: "implicit").sourceNames.isEmpty)
    }

    @Test func namespace() throws {
        let namespace = try Self.roundTrip(Namespace.self, """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels: {pod-security.kubernetes.io/enforce: restricted, kubernetes.io/metadata.name: shop}
              deletionTimestamp: "2025-01-02T03:04:05Z"
            spec:
              finalizers: [kubernetes]
            status:
              phase: Terminating
              conditions:
              - type: NamespaceContentRemaining
                status: "True"
                lastTransitionTime: "2025-01-02T03:04:05Z"
                reason: SomeResourcesRemain
                message: "Some resources are remaining: pods. has 2 resource instances"
            """)
        #expect(namespace.spec?.finalizers == ["kubernetes"])
        #expect(namespace.status?.phase == .terminating)
        #expect(namespace.status?.conditions?.first?.status == .true)
    }

    @Test func serviceAccount() throws {
        let account = try Self.roundTrip(ServiceAccount.self, """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: web, namespace: shop}
            secrets:
            - {kind: Secret, namespace: shop, name: web-token, uid: "3f2c", apiVersion: v1, resourceVersion: "812",
                fieldPath: data}
            imagePullSecrets: [{name: registry-creds}]
            automountServiceAccountToken: false
            """)
        #expect(account.secrets?.first?.name == "web-token")
        #expect(account.imagePullSecrets == [LocalObjectReference(name: "registry-creds")])
        #expect(account.automountServiceAccountToken == false)
    }

    @Test func resourceQuota() throws {
        let quota = try Self.roundTrip(ResourceQuota.self, """
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: compute, namespace: shop}
            spec:
              hard: {requests.cpu: "4", requests.memory: 8Gi, limits.cpu: "8", pods: "20", count/deployments.apps: "10"}
              scopes: [NotBestEffort]
              scopeSelector:
                matchExpressions:
                - {scopeName: PriorityClass, operator: In, values: [high, medium]}
                - {scopeName: Terminating, operator: DoesNotExist}
            status:
              hard: {pods: "20"}
              used: {pods: "3"}
            """)
        #expect(quota.spec?.hard?["requests.memory"] == Quantity(8 * 1024 * 1024 * 1024))
        #expect(quota.spec?.scopes == [.notBestEffort])
        #expect(quota.spec?.scopeSelector?.matchExpressions?.first?.operator == .in)
        #expect(quota.status?.used?["pods"] == Quantity(3))
    }

    @Test func limitRange() throws {
        let range = try Self.roundTrip(LimitRange.self, """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: defaults, namespace: shop}
            spec:
              limits:
              - type: Container
                max: {cpu: "2", memory: 2Gi}
                min: {cpu: 50m, memory: 32Mi}
                default: {cpu: 500m, memory: 512Mi}
                defaultRequest: {cpu: 100m, memory: 128Mi}
                maxLimitRequestRatio: {cpu: "4"}
              - type: PersistentVolumeClaim
                max: {storage: 50Gi}
            """)
        let container = try #require(range.spec?.limits.first)
        #expect(container.type == "Container")
        #expect(container.default?["cpu"] == Quantity(milliValue: 500))
        #expect(container.defaultRequest?["memory"] == "128Mi")
        #expect(container.maxLimitRequestRatio?["cpu"] == Quantity(4))
        #expect(range.spec?.limits.last?.max?["storage"] == "50Gi")
    }

    @Test func service() throws {
        let service = try Self.roundTrip(Service.self, """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              type: LoadBalancer
              selector: {app: web}
              ports:
              - {name: http, protocol: TCP, appProtocol: http, port: 80, targetPort: http, nodePort: 30080}
              - {name: metrics, port: 9090, targetPort: 9090}
              clusterIP: 10.96.12.34
              clusterIPs: [10.96.12.34, "fd00::1234"]
              externalIPs: [203.0.113.10]
              sessionAffinity: ClientIP
              loadBalancerIP: 203.0.113.20
              loadBalancerSourceRanges: [198.51.100.0/24]
              externalName: ""
              externalTrafficPolicy: Local
              healthCheckNodePort: 32000
              publishNotReadyAddresses: false
              sessionAffinityConfig: {clientIP: {timeoutSeconds: 10800}}
              ipFamilies: [IPv4, IPv6]
              ipFamilyPolicy: PreferDualStack
              allocateLoadBalancerNodePorts: true
              loadBalancerClass: example.com/lb
              internalTrafficPolicy: Cluster
              trafficDistribution: PreferSameZone
            status:
              loadBalancer:
                ingress:
                - {ip: 203.0.113.20, ipMode: VIP, ports: [{port: 80, protocol: TCP}]}
                - {hostname: lb.example.com, ports: [{port: 9090, protocol: UDP, error: MixedProtocolNotSupported}]}
              conditions:
              - {type: LoadBalancerReady, status: "True", observedGeneration: 2,
                  lastTransitionTime: "2025-01-02T03:04:05Z", reason: Provisioned, message: ready}
            """)
        let spec = try #require(service.spec)
        #expect(spec.type == .loadBalancer)
        #expect(spec.ports?.first?.targetPort == .string("http"))
        #expect(spec.ports?.last?.targetPort == .int(9090))
        #expect(spec.ports?.last?.protocol == nil)
        #expect(spec.externalTrafficPolicy == .local)
        #expect(spec.sessionAffinity == .clientIP)
        #expect(spec.ipFamilies == [.ipv4, .ipv6])
        #expect(service.status?.loadBalancer?.ingress?.first?.ipMode == .vip)
        #expect(service.status?.conditions?.first?.observedGeneration == 2)
    }

    @Test func persistentVolumeClaim() throws {
        let claim = try Self.roundTrip(PersistentVolumeClaim.self, """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: shop}
            spec:
              accessModes: [ReadWriteOnce]
              selector:
                matchLabels: {tier: gold}
                matchExpressions: [{key: zone, operator: In, values: [a, b]}]
              resources: {requests: {storage: 10Gi}, limits: {storage: 20Gi}}
              volumeName: pv-1
              storageClassName: fast
              volumeMode: Filesystem
              dataSource: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: snap-1}
              dataSourceRef: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: snap-1, namespace: backups}
              volumeAttributesClassName: gold
            status:
              phase: Bound
              accessModes: [ReadWriteOnce]
              capacity: {storage: 10Gi}
              conditions: [{type: Resizing, status: "False", lastProbeTime: "2025-01-02T03:04:00Z",
                  lastTransitionTime: "2025-01-02T03:04:05Z"}]
              allocatedResources: {storage: 10Gi}
              allocatedResourceStatuses: {storage: NodeResizePending}
              currentVolumeAttributesClassName: gold
              modifyVolumeStatus: {targetVolumeAttributesClassName: platinum, status: InProgress}
            """)
        let spec = try #require(claim.spec)
        #expect(spec.storageClassName == "fast")
        #expect(spec.accessModes == [.readWriteOnce])
        #expect(spec.resources?.requests?["storage"] == "10Gi")
        #expect(spec.volumeMode == .filesystem)
        #expect(spec.selector?.matchExpressions?.first?.values == ["a", "b"])
        #expect(spec.dataSource?.kind == "VolumeSnapshot")
        #expect(spec.dataSourceRef?.namespace == "backups")
        #expect(claim.status?.phase == .bound)
        #expect(claim.status?.allocatedResourceStatuses?["storage"] == "NodeResizePending")
    }

    @Test func configMap() throws {
        let map = try Self.roundTrip(ConfigMap.self, """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-config, namespace: shop}
            immutable: true
            data:
              app.yaml: |
                port: 8080
                debug: false
              LOG_LEVEL: info
            binaryData:
              logo.png: iVBORw0KGgoAAAANSUhEUg==
            """)
        #expect(map.immutable == true)
        #expect(map.data?["app.yaml"] == "port: 8080\ndebug: false\n")
        #expect(map.binaryData?["logo.png"] == "iVBORw0KGgoAAAANSUhEUg==")
    }

    @Test func secret() throws {
        let secret = try Self.roundTrip(Secret.self, """
            apiVersion: v1
            kind: Secret
            metadata: {name: web-tls, namespace: shop}
            type: kubernetes.io/tls
            immutable: false
            data:
              tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==
              tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCg==
            stringData:
              note: rotated monthly
            """)
        #expect(secret.type == "kubernetes.io/tls")
        #expect(secret.data?.count == 2)
        #expect(secret.stringData?["note"] == "rotated monthly")
    }

    // MARK: - networking.k8s.io/v1

    @Test func networkPolicy() throws {
        let policy = try Self.roundTrip(NetworkPolicy.self, """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Ingress, Egress]
              ingress:
              - from:
                - podSelector: {matchLabels: {app: frontend}}
                  namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
                - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
                ports:
                - {protocol: TCP, port: 8080}
                - {protocol: TCP, port: metrics}
              egress:
              - to:
                - namespaceSelector: {}
                  podSelector: {matchLabels: {k8s-app: kube-dns}}
                ports:
                - {protocol: UDP, port: 53}
                - {protocol: SCTP, port: 32000, endPort: 32768}
            """)
        let spec = try #require(policy.spec)
        #expect(spec.policyTypes == [.ingress, .egress])
        #expect(spec.podSelector?.matchLabels == ["app": "web"])
        #expect(spec.ingress?.first?.from?.last?.ipBlock?.except == ["10.1.0.0/16"])
        #expect(spec.ingress?.first?.ports?.map(\.port) == [.int(8080), .string("metrics")])
        #expect(spec.egress?.first?.to?.first?.namespaceSelector == LabelSelector())
        #expect(spec.egress?.first?.ports?.last?.endPort == 32768)
        #expect(spec.egress?.first?.ports?.last?.protocol == .sctp)
    }

    @Test func ingress() throws {
        let ingress = try Self.roundTrip(Ingress.self, """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: shop
              namespace: shop
              annotations: {nginx.ingress.kubernetes.io/rewrite-target: /}
            spec:
              ingressClassName: nginx
              defaultBackend:
                service: {name: default-http, port: {number: 80}}
              tls:
              - {hosts: [shop.example.com], secretName: shop-tls}
              rules:
              - host: shop.example.com
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}
                  - {path: /assets, pathType: ImplementationSpecific,
                      backend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}}}
              - http:
                  paths:
                  - {path: /healthz, pathType: Exact, backend: {service: {name: web, port: {number: 8080}}}}
            status:
              loadBalancer:
                ingress:
                - ip: 203.0.113.30
                  ports: [{port: 443, protocol: TCP}]
            """)
        let spec = try #require(ingress.spec)
        #expect(spec.ingressClassName == "nginx")
        #expect(spec.rules?.first?.http?.paths.first?.pathType == .prefix)
        #expect(spec.rules?.first?.http?.paths.first?.backend.service?.port?.name == "http")
        #expect(spec.rules?.first?.http?.paths.last?.backend.resource?.kind == "StorageBucket")
        #expect(spec.rules?.last?.host == nil)
        #expect(spec.defaultBackend?.service?.port?.number == 80)
        #expect(ingress.status?.loadBalancer?.ingress?.first?.ports?.first?.port == 443)
    }

    // MARK: - rbac.authorization.k8s.io/v1

    @Test func role() throws {
        let role = try Self.roundTrip(Role.self, """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: pod-reader, namespace: shop}
            rules:
            - apiGroups: [""]
              resources: [pods, pods/log]
              verbs: [get, list, watch]
            - apiGroups: [apps]
              resources: [deployments]
              resourceNames: [web]
              verbs: [get, patch]
            """)
        #expect(role.rules?.first?.apiGroups == [""])
        #expect(role.rules?.first?.resources == ["pods", "pods/log"])
        #expect(role.rules?.last?.resourceNames == ["web"])
    }

    @Test func clusterRole() throws {
        let role = try Self.roundTrip(ClusterRole.self, """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: monitoring}
            aggregationRule:
              clusterRoleSelectors:
              - matchLabels: {rbac.example.com/aggregate-to-monitoring: "true"}
              - matchExpressions: [{key: rbac.example.com/aggregate, operator: Exists}]
            rules:
            - nonResourceURLs: [/metrics, /healthz]
              verbs: [get]
            """)
        #expect(role.aggregationRule?.clusterRoleSelectors?.count == 2)
        let selectors = role.aggregationRule?.clusterRoleSelectors
        #expect(selectors?.first?.matchLabels?["rbac.example.com/aggregate-to-monitoring"] == "true")
        #expect(selectors?.last?.matchExpressions?.first?.operator == .exists)
        #expect(role.rules?.first?.nonResourceURLs == ["/metrics", "/healthz"])
        #expect(role.namespace == nil)
    }

    @Test func roleBinding() throws {
        let binding = try Self.roundTrip(RoleBinding.self, """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: read-pods, namespace: shop}
            subjects:
            - {kind: ServiceAccount, name: web, namespace: shop}
            - {kind: User, apiGroup: rbac.authorization.k8s.io, name: jane@example.com}
            - {kind: Group, apiGroup: rbac.authorization.k8s.io, name: "system:serviceaccounts:shop"}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
            """)
        #expect(binding.subjects?.map(\.kind) == [.serviceAccount, .user, .group])
        #expect(binding.subjects?.first?.apiGroup == nil)
        #expect(binding.roleRef == RoleRef(apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "pod-reader"))
    }

    @Test func clusterRoleBinding() throws {
        let binding = try Self.roundTrip(ClusterRoleBinding.self, """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: monitoring}
            subjects:
            - {kind: ServiceAccount, name: prometheus, namespace: monitoring}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: monitoring}
            """)
        #expect(binding.subjects?.first?.namespace == "monitoring")
        #expect(binding.roleRef.kind == "ClusterRole")
    }

    // MARK: - node.k8s.io/v1

    @Test func runtimeClass() throws {
        let runtime = try Self.roundTrip(RuntimeClass.self, """
            apiVersion: node.k8s.io/v1
            kind: RuntimeClass
            metadata: {name: gvisor}
            handler: runsc
            overhead: {podFixed: {cpu: 250m, memory: 120Mi}}
            scheduling:
              nodeSelector: {runtime: gvisor}
              tolerations: [{key: runtime, operator: Equal, value: gvisor, effect: NoSchedule}]
            """)
        #expect(runtime.handler == "runsc")
        #expect(runtime.overhead?.podFixed?["memory"] == "120Mi")
        #expect(runtime.scheduling?.tolerations?.first?.effect == .noSchedule)
    }

    // MARK: - apps/v1

    @Test func deployment() throws {
        let deployment = try Self.roundTrip(Deployment.self, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop, labels: {app: web}, generation: 4}
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}, annotations: {kubectl.kubernetes.io/restartedAt: "2025-01-02T03:04:05Z"}}
                spec:
                  serviceAccountName: web
                  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                  containers:
                  - name: app
                    image: "registry.example.com/web:1.4.2"
                    ports: [{containerPort: 8080, name: http}]
                    resources: {requests: {cpu: 100m, memory: 128Mi}}
              strategy:
                type: RollingUpdate
                rollingUpdate: {maxUnavailable: 0, maxSurge: 25%}
              minReadySeconds: 5
              revisionHistoryLimit: 5
              paused: false
              progressDeadlineSeconds: 600
            status:
              observedGeneration: 4
              replicas: 3
              updatedReplicas: 3
              readyReplicas: 3
              availableReplicas: 3
              unavailableReplicas: 0
              terminatingReplicas: 0
              collisionCount: 1
              conditions:
              - type: Available
                status: "True"
                lastUpdateTime: "2025-01-02T03:04:05Z"
                lastTransitionTime: "2025-01-02T03:04:05Z"
                reason: MinimumReplicasAvailable
                message: Deployment has minimum availability.
            """)
        #expect(deployment.spec.replicas == 3)
        #expect(deployment.spec.strategy?.rollingUpdate?.maxUnavailable == .int(0))
        #expect(deployment.spec.strategy?.rollingUpdate?.maxSurge == .string("25%"))
        #expect(deployment.spec.selector.matchLabels == ["app": "web"])
        #expect(deployment.podSpec.containers.first?.name == "app")
        #expect(deployment.status?.conditions?.first?.reason == "MinimumReplicasAvailable")
    }

    @Test func statefulSet() throws {
        let set = try Self.roundTrip(StatefulSet.self, """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: shop}
            spec:
              replicas: 3
              selector: {matchLabels: {app: db}}
              serviceName: db
              podManagementPolicy: Parallel
              updateStrategy:
                type: RollingUpdate
                rollingUpdate: {partition: 1, maxUnavailable: 50%}
              revisionHistoryLimit: 10
              minReadySeconds: 10
              persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Retain}
              ordinals: {start: 1}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers:
                  - name: postgres
                    image: "postgres:16"
                    volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
              volumeClaimTemplates:
              - metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  storageClassName: fast
                  resources: {requests: {storage: 20Gi}}
            status:
              observedGeneration: 2
              replicas: 3
              readyReplicas: 2
              currentReplicas: 3
              updatedReplicas: 1
              currentRevision: db-7d9f
              updateRevision: db-8a1b
              collisionCount: 0
              availableReplicas: 2
              conditions: [{type: Progressing, status: "True", lastTransitionTime: "2025-01-02T03:04:05Z"}]
            """)
        #expect(set.spec.serviceName == "db")
        #expect(set.spec.podManagementPolicy == .parallel)
        #expect(set.spec.updateStrategy?.rollingUpdate?.maxUnavailable == "50%")
        #expect(set.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted == .delete)
        #expect(set.spec.ordinals?.start == 1)
        #expect(set.spec.volumeClaimTemplates?.first?.metadata?.name == "data")
        #expect(set.spec.volumeClaimTemplates?.first?.apiVersion == nil)
        #expect(set.spec.volumeClaimTemplates?.first?.spec?.resources?.requests?["storage"] == "20Gi")
        #expect(set.status?.replicas == 3)
    }

    @Test func daemonSet() throws {
        let set = try Self.roundTrip(DaemonSet.self, """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: node-exporter, namespace: monitoring}
            spec:
              selector: {matchLabels: {app: node-exporter}}
              updateStrategy:
                type: RollingUpdate
                rollingUpdate: {maxUnavailable: 1, maxSurge: 0}
              minReadySeconds: 0
              revisionHistoryLimit: 3
              template:
                metadata: {labels: {app: node-exporter}}
                spec:
                  hostNetwork: true
                  hostPID: true
                  priorityClassName: system-node-critical
                  tolerations: [{operator: Exists}]
                  volumes: [{name: root, hostPath: {path: /}}]
                  containers:
                  - name: exporter
                    image: "quay.io/prometheus/node-exporter:v1.8.0"
                    args: [--path.rootfs=/host]
                    ports: [{containerPort: 9100, hostPort: 9100, name: metrics}]
                    volumeMounts: [{name: root, mountPath: /host, readOnly: true, mountPropagation: HostToContainer}]
            status:
              currentNumberScheduled: 3
              numberMisscheduled: 0
              desiredNumberScheduled: 3
              numberReady: 3
              observedGeneration: 1
              updatedNumberScheduled: 3
              numberAvailable: 3
              numberUnavailable: 0
            """)
        #expect(set.spec.updateStrategy?.rollingUpdate?.maxSurge == .int(0))
        #expect(set.podSpec.hostNetwork == true)
        #expect(set.podSpec.tolerations?.first?.operator == .exists)
        #expect(set.podSpec.tolerations?.first?.key == nil)
        #expect(set.status?.desiredNumberScheduled == 3)
    }

    @Test func replicaSet() throws {
        let set = try Self.roundTrip(ReplicaSet.self, """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: web-7d9f
              namespace: shop
              ownerReferences:
              - {apiVersion: apps/v1, kind: Deployment, name: web, uid: 1c2d, controller: true}
            spec:
              replicas: 2
              minReadySeconds: 5
              selector:
                matchLabels: {app: web, pod-template-hash: 7d9f}
              template:
                metadata: {labels: {app: web, pod-template-hash: 7d9f}}
                spec:
                  containers: [{name: app, image: "registry.example.com/web:1.4.2"}]
            status:
              replicas: 2
              fullyLabeledReplicas: 2
              readyReplicas: 1
              availableReplicas: 1
              terminatingReplicas: 0
              observedGeneration: 3
              conditions:
              - {type: ReplicaFailure, status: "True", lastTransitionTime: "2025-01-02T03:04:05Z",
                  reason: FailedCreate, message: "pods \\"web-7d9f-x\\" is forbidden: exceeded quota"}
            """)
        #expect(set.metadata.ownerReferences?.first?.kind == "Deployment")
        #expect(set.spec.selector.matchLabels?["pod-template-hash"] == "7d9f")
        #expect(set.status?.conditions?.first?.message == "pods \"web-7d9f-x\" is forbidden: exceeded quota")
    }

    // MARK: - batch/v1

    @Test func job() throws {
        let job = try Self.roundTrip(Job.self, """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: reindex, namespace: shop}
            spec:
              parallelism: 2
              completions: 4
              activeDeadlineSeconds: 3600
              podFailurePolicy:
                rules:
                - action: FailJob
                  onExitCodes: {containerName: main, operator: In, values: [42]}
                - action: Ignore
                  onPodConditions: [{type: DisruptionTarget, status: "True"}]
                - action: FailIndex
                  onExitCodes: {operator: NotIn, values: [0, 1]}
              successPolicy:
                rules: [{succeededIndexes: "0-2", succeededCount: 2}]
              backoffLimit: 6
              backoffLimitPerIndex: 1
              maxFailedIndexes: 2
              manualSelector: false
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: main, image: "registry.example.com/reindex:2.0"}]
              ttlSecondsAfterFinished: 600
              completionMode: Indexed
              suspend: false
              podReplacementPolicy: Failed
              managedBy: kubernetes.io/job-controller
            status:
              conditions:
              - {type: Complete, status: "True", lastProbeTime: "2025-01-02T04:00:00Z",
                  lastTransitionTime: "2025-01-02T04:00:00Z"}
              startTime: "2025-01-02T03:00:00Z"
              completionTime: "2025-01-02T04:00:00Z"
              active: 0
              succeeded: 4
              failed: 1
              terminating: 0
              completedIndexes: "0-3"
              failedIndexes: ""
              uncountedTerminatedPods: {}
              ready: 0
            """)
        #expect(job.spec.completionMode == .indexed)
        #expect(job.spec.podFailurePolicy?.rules.map(\.action) == [.failJob, .ignore, .failIndex])
        #expect(job.spec.podFailurePolicy?.rules.first?.onExitCodes?.values == [42])
        #expect(job.spec.podFailurePolicy?.rules[1].onPodConditions?.first?.status == .true)
        #expect(job.spec.successPolicy?.rules.first?.succeededCount == 2)
        #expect(job.spec.backoffLimitPerIndex == 1)
        #expect(job.spec.podReplacementPolicy == .failed)
        #expect(job.podSpec.restartPolicy == .never)
        #expect(job.status?.uncountedTerminatedPods == UncountedTerminatedPods())
        #expect(job.status?.completionTime == Time(rfc3339: "2025-01-02T04:00:00Z"))
    }

    @Test func cronJob() throws {
        let cron = try Self.roundTrip(CronJob.self, """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report, namespace: shop}
            spec:
              schedule: "*/15 * * * *"
              timeZone: Europe/Berlin
              startingDeadlineSeconds: 120
              concurrencyPolicy: Forbid
              suspend: false
              successfulJobsHistoryLimit: 3
              failedJobsHistoryLimit: 1
              jobTemplate:
                metadata: {labels: {app: report}}
                spec:
                  backoffLimit: 2
                  template:
                    metadata: {labels: {app: report}}
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: report, image: "registry.example.com/report:1.0", args: [--daily]}]
            status:
              active: [{kind: Job, namespace: shop, name: report-29000000, uid: 9e8d, apiVersion: batch/v1,
                  resourceVersion: "12345"}]
              lastScheduleTime: "2025-01-02T03:00:00Z"
              lastSuccessfulTime: "2025-01-02T02:45:00Z"
            """)
        #expect(cron.spec.schedule == "*/15 * * * *")
        #expect(cron.spec.concurrencyPolicy == .forbid)
        #expect(cron.spec.jobTemplate.spec.backoffLimit == 2)
        #expect(cron.podSpec.restartPolicy == .onFailure)
        #expect(cron.podTemplateMetadata?.labels == ["app": "report"])
        #expect(cron.status?.active?.first?.resourceVersion == "12345")
    }

    // MARK: - Strictness

    static let minimalPod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: shop}
        spec:
          containers:
          - name: app
            image: "busybox:1.36"
        """

    @Test func unknownFieldInContainerSecurityContextIsRejected() throws {
        let failure = try #require(try Self.decodeFailure(Pod.self, Self.minimalPod + """

                securityContext:
                  privilegd: true
            """))
        let problem = try #require(failure.problems.first)
        #expect(failure.problems.count == 1)
        #expect(problem.path.description == "spec.containers[0].securityContext.privilegd")
        #expect(problem.kind == .unknownField)
        #expect(problem.message.hasPrefix("unknown field \"privilegd\""))
        #expect(problem.message.contains("did you mean \"privileged\"?"))
    }

    @Test func quotedBooleanIsAWrongType() throws {
        let failure = try #require(try Self.decodeFailure(Pod.self, Self.minimalPod + """

              hostNetwork: "yes"
            """))
        let problem = try #require(failure.problems.first)
        #expect(problem.path.description == "spec.hostNetwork")
        #expect(problem.kind == .wrongType)
        #expect(problem.message.contains("expected boolean"))
    }

    @Test func unsupportedEnumValueListsTheSupportedOnes() throws {
        let failure = try #require(try Self.decodeFailure(Pod.self, Self.minimalPod + """

              restartPolicy: Sometimes
            """))
        let problem = try #require(failure.problems.first)
        #expect(problem.path.description == "spec.restartPolicy")
        #expect(problem.message == #"Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never""#)
    }

    @Test func missingRequiredFieldIsNamed() throws {
        let failure = try #require(try Self.decodeFailure(Deployment.self, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                spec:
                  containers: [{image: "nginx:1.27"}]
            """))
        let problem = try #require(failure.problems.first)
        #expect(problem.path.description == "spec.template.spec.containers[0].name")
        #expect(problem.kind == .missingField)
    }

    @Test func everyProblemIsReportedInOnePass() throws {
        let failure = try #require(try Self.decodeFailure(Service.self, """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              type: Balanced
              ports: [{name: http, port: "eighty", targetPort: 8080.5}, {port: 443, protocol: QUIC}]
              sessionAfinity: ClientIP
            """))
        #expect(Set(failure.problems.map(\.path.description)) == [
            "spec.type", "spec.ports[0].port", "spec.ports[0].targetPort", "spec.ports[1].protocol",
            "spec.sessionAfinity",
        ])
        let targetPort = try #require(failure.problems.first { $0.path.description == "spec.ports[0].targetPort" })
        #expect(targetPort.message == "expected integer or string, got number")
    }

    @Test func membersAreWrittenInKubernetesOrder() throws {
        let deployment = try ValueDecoder().decode(Deployment.self, from: try YAMLReader.value("""
            status: {replicas: 1}
            spec:
              template:
                spec:
                  securityContext: {runAsNonRoot: true}
                  containers:
                  - {ports: [{protocol: TCP, containerPort: 80, name: http}], image: "nginx:1.27", name: web}
                metadata: {labels: {app: web}}
              selector: {matchLabels: {app: web}}
              replicas: 2
            metadata: {name: web}
            kind: Deployment
            apiVersion: apps/v1
            """))
        let encoded = try ValueEncoder().encode(deployment)
        #expect(encoded.objectValue?.keys == ["apiVersion", "kind", "metadata", "spec", "status"])
        #expect(encoded["spec"]?.objectValue?.keys == ["replicas", "selector", "template"])
        #expect(encoded["spec"]?["template"]?.objectValue?.keys == ["metadata", "spec"])
        #expect(encoded["spec"]?["template"]?["spec"]?.objectValue?.keys == ["containers", "securityContext"])
        let container = encoded.value(at: FieldPath("spec", "template", "spec", "containers").index(0))
        #expect(container?.objectValue?.keys == ["name", "image", "ports"])
        #expect(container?["ports"]?.arrayValue?.first?.objectValue?.keys == ["name", "containerPort", "protocol"])
    }

    // MARK: - IntOrString

    @Test func intOrStringKeepsItsJSONType() throws {
        let decoder = ValueDecoder()
        let encoder = ValueEncoder()
        let number = try decoder.decode(IntOrString.self, from: .integer(8080))
        #expect(number == .int(8080))
        #expect(try encoder.encode(number) == .integer(8080))
        let name = try decoder.decode(IntOrString.self, from: .string("http"))
        #expect(name == .string("http"))
        #expect(try encoder.encode(name) == .string("http"))
        let numericString = try decoder.decode(IntOrString.self, from: .string("8080"))
        #expect(numericString == .string("8080"))
        #expect(try encoder.encode(numericString) == .string("8080"))
        #expect(throws: DecodingFailure.self) { try decoder.decode(IntOrString.self, from: .bool(true)) }
        #expect(throws: DecodingFailure.self) { try decoder.decode(IntOrString.self, from: .array([])) }

        let literal: IntOrString = 25
        #expect(literal.intValue == 25 && literal.stringValue == nil)
        #expect(IntOrString.string("25%").description == "25%")
    }

    @Test func intOrStringScalesPercentages() {
        #expect(IntOrString.string("25%").scaledValue(total: 10, roundUp: true) == 3)
        #expect(IntOrString.string("25%").scaledValue(total: 10, roundUp: false) == 2)
        #expect(IntOrString.string("100%").scaledValue(total: 7, roundUp: false) == 7)
        #expect(IntOrString.int(4).scaledValue(total: 10, roundUp: true) == 4)
        #expect(IntOrString.string("http").scaledValue(total: 10, roundUp: true) == nil)
    }

    // MARK: - Pod carriers and container views

    static func carriedSpec<T: PodTemplateCarrier>(_ object: T) -> PodSpec { object.podSpec }

    @Test func everyCarrierExposesTheSamePodSpec() throws {
        let podSpec = PodSpec(
            containers: [Container(name: "app", image: "nginx:1.27")],
            securityContext: PodSecurityContext(runAsNonRoot: true))
        let labels = ObjectMeta(labels: ["app": "web"])
        let pod = Pod(metadata: ObjectMeta(name: "web", labels: ["app": "web"]), spec: podSpec)
        var deployment = Deployment(
            metadata: ObjectMeta(name: "web"),
            spec: DeploymentSpec(selector: LabelSelector(matchLabels: ["app": "web"]),
                                 template: PodTemplateSpec(metadata: labels, spec: podSpec)))
        let cronJob = CronJob(
            metadata: ObjectMeta(name: "web"),
            spec: CronJobSpec(schedule: "@daily", jobTemplate: JobTemplateSpec(
                spec: JobSpec(template: PodTemplateSpec(metadata: labels, spec: podSpec)))))

        #expect(Self.carriedSpec(pod) == podSpec)
        #expect(Self.carriedSpec(deployment) == podSpec)
        #expect(Self.carriedSpec(cronJob) == podSpec)
        #expect(pod.podTemplateMetadata?.labels == cronJob.podTemplateMetadata?.labels)

        #expect(Pod.podSpecPath.description == "spec")
        #expect(Deployment.podSpecPath.description == "spec.template.spec")
        #expect(CronJob.podSpecPath.description == "spec.jobTemplate.spec.template.spec")
        #expect(CronJob.podMetadataPath.description == "spec.jobTemplate.spec.template.metadata")
        #expect(Pod.podMetadataPath.description == "metadata")

        // Writing through the carrier lands where the API expects it.
        deployment.podSpec.hostNetwork = true
        #expect(deployment.spec.template.spec.hostNetwork == true)
        let encoded = try ValueEncoder().encode(deployment)
        #expect(encoded.value(at: Deployment.podSpecPath.child("hostNetwork")) == .bool(true))

        // The pod spec path of every carrier points at the spec in the encoded object.
        let encodedCron = try ValueEncoder().encode(cronJob)
        #expect(encodedCron.value(at: CronJob.podSpecPath) == (try ValueEncoder().encode(podSpec)))
        #expect(KindRegistry.podTemplateCarriers.count == 7)
    }

    @Test func allContainersListsInitRegularThenEphemeral() {
        let spec = PodSpec(
            initContainers: [
                Container(name: "setup"),
                Container(name: "sidecar", restartPolicy: .always),
            ],
            containers: [
                Container(name: "app", image: "app:1", ports: [ContainerPort(containerPort: 80)]),
                Container(name: "proxy", securityContext: SecurityContext(privileged: true)),
            ],
            ephemeralContainers: [
                EphemeralContainer(name: "debug", image: "busybox:1.36", targetContainerName: "app"),
            ])
        let views = spec.allContainers
        #expect(views.map(\.name) == ["setup", "sidecar", "app", "proxy", "debug"])
        #expect(views.map(\.kind) == [.initContainer, .initContainer, .container, .container, .ephemeralContainer])
        #expect(views.map(\.path.description) == [
            "initContainers[0]", "initContainers[1]", "containers[0]", "containers[1]", "ephemeralContainers[0]",
        ])
        #expect(views.map(\.isSidecar) == [false, true, false, false, false])
        #expect(views[2].ports?.first?.containerPort == 80)
        #expect(views[3].securityContext?.privileged == true)
        #expect(views[4].image == "busybox:1.36")
    }

    @Test func ephemeralContainersConvertToContainersAndBack() {
        let container = Container(
            name: "debug", image: "busybox:1.36", command: ["sh"],
            securityContext: SecurityContext(capabilities: Capabilities(add: ["SYS_PTRACE"])), stdin: true, tty: true)
        let ephemeral = EphemeralContainer(container, targetContainerName: "app")
        #expect(ephemeral.targetContainerName == "app")
        #expect(ephemeral.securityContext?.capabilities?.add == ["SYS_PTRACE"])
        #expect(Container(ephemeral) == container)
    }

    // MARK: - Resource types

    struct ExpectedType {
        var type: any KubeObject.Type
        var apiVersion: String
        var kind: String
        var plural: String
        var namespaced: Bool
        var shortNames: [String]
        var inAll: Bool
    }

    static let expectedTypes: [ExpectedType] = [
        ExpectedType(type: Namespace.self, apiVersion: "v1", kind: "Namespace", plural: "namespaces",
                     namespaced: false, shortNames: ["ns"], inAll: false),
        ExpectedType(type: ServiceAccount.self, apiVersion: "v1", kind: "ServiceAccount", plural: "serviceaccounts",
                     namespaced: true, shortNames: ["sa"], inAll: false),
        ExpectedType(type: ResourceQuota.self, apiVersion: "v1", kind: "ResourceQuota", plural: "resourcequotas",
                     namespaced: true, shortNames: ["quota"], inAll: false),
        ExpectedType(type: LimitRange.self, apiVersion: "v1", kind: "LimitRange", plural: "limitranges",
                     namespaced: true, shortNames: ["limits"], inAll: false),
        ExpectedType(type: Pod.self, apiVersion: "v1", kind: "Pod", plural: "pods",
                     namespaced: true, shortNames: ["po"], inAll: true),
        ExpectedType(type: Service.self, apiVersion: "v1", kind: "Service", plural: "services",
                     namespaced: true, shortNames: ["svc"], inAll: true),
        ExpectedType(type: PersistentVolumeClaim.self, apiVersion: "v1", kind: "PersistentVolumeClaim",
                     plural: "persistentvolumeclaims", namespaced: true, shortNames: ["pvc"], inAll: false),
        ExpectedType(type: ConfigMap.self, apiVersion: "v1", kind: "ConfigMap", plural: "configmaps",
                     namespaced: true, shortNames: ["cm"], inAll: false),
        ExpectedType(type: Secret.self, apiVersion: "v1", kind: "Secret", plural: "secrets",
                     namespaced: true, shortNames: [], inAll: false),
        ExpectedType(type: NetworkPolicy.self, apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy",
                     plural: "networkpolicies", namespaced: true, shortNames: ["netpol"], inAll: false),
        ExpectedType(type: Ingress.self, apiVersion: "networking.k8s.io/v1", kind: "Ingress", plural: "ingresses",
                     namespaced: true, shortNames: ["ing"], inAll: false),
        ExpectedType(type: Role.self, apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", plural: "roles",
                     namespaced: true, shortNames: [], inAll: false),
        ExpectedType(type: ClusterRole.self, apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole",
                     plural: "clusterroles", namespaced: false, shortNames: [], inAll: false),
        ExpectedType(type: RoleBinding.self, apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding",
                     plural: "rolebindings", namespaced: true, shortNames: [], inAll: false),
        ExpectedType(type: ClusterRoleBinding.self, apiVersion: "rbac.authorization.k8s.io/v1",
                     kind: "ClusterRoleBinding", plural: "clusterrolebindings", namespaced: false, shortNames: [],
                     inAll: false),
        ExpectedType(type: RuntimeClass.self, apiVersion: "node.k8s.io/v1", kind: "RuntimeClass",
                     plural: "runtimeclasses", namespaced: false, shortNames: [], inAll: false),
        ExpectedType(type: Deployment.self, apiVersion: "apps/v1", kind: "Deployment", plural: "deployments",
                     namespaced: true, shortNames: ["deploy"], inAll: true),
        ExpectedType(type: StatefulSet.self, apiVersion: "apps/v1", kind: "StatefulSet", plural: "statefulsets",
                     namespaced: true, shortNames: ["sts"], inAll: true),
        ExpectedType(type: DaemonSet.self, apiVersion: "apps/v1", kind: "DaemonSet", plural: "daemonsets",
                     namespaced: true, shortNames: ["ds"], inAll: true),
        ExpectedType(type: ReplicaSet.self, apiVersion: "apps/v1", kind: "ReplicaSet", plural: "replicasets",
                     namespaced: true, shortNames: ["rs"], inAll: true),
        ExpectedType(type: Job.self, apiVersion: "batch/v1", kind: "Job", plural: "jobs",
                     namespaced: true, shortNames: [], inAll: true),
        ExpectedType(type: CronJob.self, apiVersion: "batch/v1", kind: "CronJob", plural: "cronjobs",
                     namespaced: true, shortNames: ["cj"], inAll: true),
    ]

    @Test func resourceTypesMatchDiscovery() {
        for expected in Self.expectedTypes {
            let resourceType = expected.type.resourceType
            #expect(resourceType.apiVersion == expected.apiVersion, "\(expected.kind)")
            #expect(resourceType.kind == expected.kind)
            #expect(resourceType.plural == expected.plural, "\(expected.kind)")
            #expect(resourceType.singular == expected.kind.lowercased(), "\(expected.kind)")
            #expect(resourceType.namespaced == expected.namespaced, "\(expected.kind)")
            #expect(resourceType.shortNames == expected.shortNames, "\(expected.kind)")
            #expect(resourceType.categories.contains("all") == expected.inAll, "\(expected.kind)")
            let registered = KindRegistry.standard.type(apiVersion: expected.apiVersion, kind: expected.kind)
            #expect(registered.map { ObjectIdentifier($0) } == ObjectIdentifier(expected.type), "\(expected.kind)")
        }
        #expect(KindRegistry.coreKinds.count == Self.expectedTypes.count)
        #expect(Set(KindRegistry.coreKinds.map { ObjectIdentifier($0) }).count == KindRegistry.coreKinds.count)
    }
}
