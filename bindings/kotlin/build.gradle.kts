// Android library module: the UniFFI-generated Kotlin (src/main/kotlin) plus the native
// libraries that build-android.sh puts into src/main/jniLibs/<abi>/libssi_verify_ffi.so.
plugins {
    id("com.android.library") version "8.5.2"
    // The same Kotlin as the JVM test's kotlinc (scripts/kotlin-toolchain; check-versions compares).
    id("org.jetbrains.kotlin.android") version "2.1.21"
}

group = "io.ssiverify"
// Equal to the workspace version in Cargo.toml (scripts/check-versions fails otherwise).
version = "0.1.0"

android {
    namespace = "io.ssiverify"
    compileSdk = 34
    defaultConfig {
        minSdk = 24
        consumerProguardFiles("consumer-rules.pro")
    }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}

kotlin {
    jvmToolchain(17)
}

dependencies {
    // The generated code calls the library through JNA; the @aar carries JNA's own native parts.
    implementation("net.java.dev.jna:jna:5.13.0@aar")
}
