// Standalone build of the Android library module; an app includes this directory as a project
// instead (see docs/lang/kotlin.md).
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}
dependencyResolutionManagement {
    repositories {
        google()
        mavenCentral()
    }
}
rootProject.name = "ssi-verify"
