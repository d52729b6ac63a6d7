// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Contain",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "contain", targets: ["ContainCLI"]),
        .library(name: "ContainModel", targets: ["ContainModel"]),
        .library(name: "ContainPolicy", targets: ["ContainPolicy"]),
        .library(name: "ContainTenancy", targets: ["ContainTenancy"]),
        .library(name: "ContainNetwork", targets: ["ContainNetwork"]),
        .library(name: "ContainVerify", targets: ["ContainVerify"]),
        .library(name: "ContainStore", targets: ["ContainStore"]),
        .library(name: "ContainServer", targets: ["ContainServer"]),
        .library(name: "KubeClient", targets: ["KubeClient"]),
        .library(name: "ContainControllers", targets: ["ContainControllers"]),
        .library(name: "ContainGitOps", targets: ["ContainGitOps"]),
        .library(name: "ContainAdmission", targets: ["ContainAdmission"]),
        .library(name: "ContainTLS", targets: ["ContainTLS"]),
        .library(name: "ContainRBAC", targets: ["ContainRBAC"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
    ],
    targets: [
        // Types, codecs and validation. Pure: no I/O.
        .target(
            name: "ContainModel",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Tenant + Cluster → desired objects. Pure: no I/O.
        .target(
            name: "ContainTenancy",
            dependencies: ["ContainModel"]
        ),
        // NetworkPolicy reachability from manifests. Pure: no I/O.
        .target(
            name: "ContainNetwork",
            dependencies: ["ContainModel"]
        ),
        // Isolation proof of a platform spec (tenancy expansion + reachability). Pure: no I/O.
        .target(
            name: "ContainVerify",
            dependencies: ["ContainModel", "ContainTenancy", "ContainNetwork"]
        ),
        // Pod Security Standards and platform guardrails. Pure: no I/O.
        .target(
            name: "ContainPolicy",
            dependencies: ["ContainModel"]
        ),
        // The revisioned object store: SQLite (embedded default) and PostgreSQL.
        .target(
            name: "ContainStore",
            dependencies: [
                "ContainModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Kubernetes RBAC semantics and the tenancy rule: pure decisions, no I/O.
        .target(
            name: "ContainRBAC",
            dependencies: ["ContainModel"]
        ),
        // Certificates for the API: a CA, serving and client certificates, TLS configurations.
        .target(
            name: "ContainTLS",
            dependencies: [
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The Kubernetes-style HTTP API.
        .target(
            name: "ContainServer",
            dependencies: [
                "ContainModel",
                "ContainStore",
                "ContainRBAC",
                "ContainPolicy",
                "ContainTLS",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A Kubernetes API client: kubeconfig, typed and unstructured requests, watches.
        .target(
            name: "KubeClient",
            dependencies: [
                "ContainModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Controller runtime (informers, work queue, leader election) and the reconcilers.
        .target(
            name: "ContainControllers",
            dependencies: [
                "ContainModel",
                "ContainTenancy",
                "KubeClient",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `contain up`: the embedded API and the controllers in one process.
        .target(
            name: "ContainEmbedded",
            dependencies: [
                "ContainModel", "ContainStore", "ContainServer", "ContainControllers", "KubeClient",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The platform as a Flux repository, Contain's CRDs and deploy bundle, and git commits.
        .target(
            name: "ContainGitOps",
            dependencies: ["ContainTenancy", "ContainModel"]
        ),
        // The admission webhook: AdmissionReview over HTTPS, on ContainPolicy's engine.
        .target(
            name: "ContainAdmission",
            dependencies: [
                "ContainModel",
                "ContainPolicy",
                "ContainTLS",
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Child process for the store's kill -9 durability test.
        // The I/O shell the command-line binaries share: manifest files, process tuning, async runs.
        .target(
            name: "ContainCommandSupport",
            dependencies: ["ContainModel"]
        ),
        // `contain admission` as a command any binary can carry.
        .target(
            name: "ContainAdmissionCLI",
            dependencies: [
                "ContainAdmission", "ContainPolicy", "ContainModel", "ContainCommandSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The admission webhook as its own small binary.
        .executableTarget(
            name: "contain-admission",
            dependencies: ["ContainAdmissionCLI"],
            path: "Sources/ContainAdmissionMain"
        ),
        .executableTarget(
            name: "contain-store-writer",
            dependencies: ["ContainStore", "ContainModel"],
            path: "Sources/ContainStoreWriter"
        ),
        .executableTarget(
            name: "ContainCLI",
            dependencies: [
                "ContainAdmissionCLI",
                "ContainCommandSupport",
                "ContainModel",
                "ContainStore",
                "ContainServer",
                "ContainTenancy",
                "KubeClient",
                "ContainControllers",
                "ContainEmbedded",
                "ContainNetwork",
                "ContainVerify",
                "ContainGitOps",
                "ContainPolicy",
                "ContainAdmission",
                "ContainRBAC",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "ContainModelTests",
            dependencies: ["ContainModel"]
        ),
        .testTarget(
            name: "ContainTenancyTests",
            dependencies: ["ContainTenancy", "ContainModel"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "ContainNetworkTests",
            dependencies: ["ContainNetwork", "ContainModel"]
        ),
        .testTarget(
            name: "ContainVerifyTests",
            dependencies: ["ContainVerify", "ContainNetwork", "ContainTenancy", "ContainModel"]
        ),
        .testTarget(
            name: "ContainPolicyTests",
            dependencies: ["ContainPolicy", "ContainModel"]
        ),
        .testTarget(
            name: "ContainAdmissionTests",
            dependencies: ["ContainAdmission", "ContainPolicy", "ContainModel"]
        ),
        .testTarget(
            name: "ContainStoreTests",
            dependencies: ["ContainStore", "ContainModel"]
        ),
        .testTarget(
            name: "ContainServerTests",
            dependencies: [
                "ContainServer", "ContainStore", "ContainModel", "ContainRBAC",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "KubeClientTests",
            dependencies: ["KubeClient", "ContainModel", "ContainServer", "ContainStore"]
        ),
        .testTarget(
            name: "ContainControllersTests",
            dependencies: [
                "ContainControllers", "KubeClient", "ContainModel", "ContainServer", "ContainStore", "ContainEmbedded",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "ContainGitOpsTests",
            dependencies: ["ContainGitOps", "ContainTenancy", "ContainPolicy", "ContainModel"]
        ),
        .testTarget(
            name: "ContainRBACTests",
            dependencies: ["ContainRBAC", "ContainModel"]
        ),
        .testTarget(
            name: "ContainTLSTests",
            dependencies: ["ContainTLS", .product(name: "X509", package: "swift-certificates")]
        ),
        .testTarget(
            name: "ContainCLITests",
            dependencies: ["ContainCLI", "ContainModel", .product(name: "JWTKit", package: "jwt-kit")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
