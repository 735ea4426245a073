// swift-tools-version:5.7
// SwiftPM package of the ssi-verify bindings for iOS. The native library comes as an
// XCFramework built by build-xcframework.sh (device + simulator slices); the Swift API is the
// UniFFI-generated Sources/SsiVerify/SsiVerify.swift. Version: see `version()` at run time and
// CHANGELOG.md; it equals the Rust crates' version.
import PackageDescription

let package = Package(
    name: "SsiVerify",
    platforms: [.iOS(.v13), .macOS(.v11)],
    products: [
        .library(name: "SsiVerify", targets: ["SsiVerify"]),
    ],
    targets: [
        // Built by build-xcframework.sh; holds libssi_verify_ffi.a, SsiVerifyFFI.h and the module map.
        .binaryTarget(name: "SsiVerifyFFI", path: "SsiVerifyFFI.xcframework"),
        .target(
            name: "SsiVerify",
            dependencies: ["SsiVerifyFFI"],
            path: "Sources/SsiVerify",
            // The generated C header and module map travel inside the XCFramework instead.
            exclude: ["SsiVerifyFFI.h", "SsiVerifyFFI.modulemap"],
            sources: ["SsiVerify.swift"]
        ),
    ]
)
