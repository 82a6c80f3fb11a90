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
        // Wraps libsimdjson's C++ DOM parser (libsimdjson-dev) in a C API. SwiftPM drops the -D flag
        // of simdjson's pkg-config file, so the define it carries is set here: the library is built
        // with it, and it changes the layout of simdjson::dom::parser.
        .target(
            name: "CSimdJSON", path: "Sources/CSimdJSON",
            cxxSettings: [
                .define("SIMDJSON_THREADS_ENABLED", to: "1"),
                // Debian 12's valgrind 3.19 gives up on a binary where a DWARF 5 unit follows others, and
                // clang writes DWARF 5 by default; CStartup sets the same flag.
                .unsafeFlags(["-gdwarf-4"]),
            ],
            linkerSettings: [.linkedLibrary("simdjson")]
        ),
        // Removes a stale libmongoc counters segment before libmongoc's constructor runs; see startup.c.
        .target(name: "CStartup", path: "Sources/CStartup", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        .target(
            name: "CredeauKit",
            dependencies: ["CPCRE2", "CSQLite", "CBSON", "CMongoC", "CLibPQ", "CMicroHTTPD", "CZlib", "COpenSSL", "CCurl", "CSimdJSON"],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "credeau", dependencies: ["CredeauKit", "CStartup"], swiftSettings: strictSettings),
        .executableTarget(
            name: "credeau-bench", dependencies: ["CredeauKit", "CStartup"], path: "Benchmarks/credeau-bench",
            swiftSettings: strictSettings
        ),
        // Helpers both test targets share; a plain target, since test targets cannot import each other.
        .target(name: "CredeauTestSupport", path: "Tests/CredeauTestSupport", swiftSettings: strictSettings),
        .testTarget(
            name: "CredeauKitTests", dependencies: ["CredeauKit", "CredeauTestSupport"], exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CredeauCLITests", dependencies: ["CredeauKit", "CredeauTestSupport"], swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
