// swift-tools-version:6.0
import PackageDescription

// Every C dependency is a Debian package wrapped in a system-library target; nothing is fetched.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "credeau",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "credeau", targets: ["credeau"]),
        .library(name: "CredeauKit", targets: ["CredeauKit"]),
    ],
    targets: [
        .systemLibrary(name: "CPCRE2", path: "Sources/CPCRE2", pkgConfig: "libpcre2-8",
                       providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CBSON", path: "Sources/CBSON", pkgConfig: "libbson-1.0",
                       providers: [.apt(["libbson-dev"])]),
        .systemLibrary(name: "CMongoC", path: "Sources/CMongoC", pkgConfig: "libmongoc-1.0",
                       providers: [.apt(["libmongoc-dev"])]),
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq",
                       providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", path: "Sources/CMicroHTTPD", pkgConfig: "libmicrohttpd",
                       providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        // Removes a stale libmongoc counters segment before libmongoc's constructor runs; see startup.c.
        .target(name: "CStartup", path: "Sources/CStartup"),
        .target(
            name: "CredeauKit",
            dependencies: ["CPCRE2", "CSQLite", "CBSON", "CMongoC", "CLibPQ", "CMicroHTTPD", "CZlib", "COpenSSL", "CCurl"],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "credeau", dependencies: ["CredeauKit", "CStartup"], swiftSettings: strictSettings),
        .executableTarget(
            name: "credeau-bench", dependencies: ["CredeauKit", "CStartup"], path: "Benchmarks/credeau-bench",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CredeauKitTests", dependencies: ["CredeauKit"], exclude: ["Fixtures"], swiftSettings: strictSettings
        ),
        .testTarget(name: "CredeauCLITests", dependencies: ["CredeauKit"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
