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
        .library(name: "ContainStore", targets: ["ContainStore"]),
        .library(name: "ContainServer", targets: ["ContainServer"]),
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
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
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
                "ContainTLS",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
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
        .executableTarget(
            name: "contain-store-writer",
            dependencies: ["ContainStore", "ContainModel"],
            path: "Sources/ContainStoreWriter"
        ),
        .executableTarget(
            name: "ContainCLI",
            dependencies: [
                "ContainModel",
                "ContainStore",
                "ContainServer",
                "ContainPolicy",
                "ContainAdmission",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
                "ContainServer", "ContainStore", "ContainModel",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
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
            dependencies: ["ContainCLI", "ContainModel"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
