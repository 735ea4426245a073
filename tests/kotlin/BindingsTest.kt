// Runs the generated Kotlin bindings on the JVM against the built library: the three tasks of
// the language pages, the sealed exception hierarchy and the stable error codes.
package io.ssiverify.check

import io.ssiverify.*
import java.io.File
import kotlin.system.exitProcess

private var checks = 0
private val failures = mutableListOf<String>()

private fun check(name: String, cond: Boolean) {
    checks++
    if (!cond) failures += name
}

private inline fun <reified E : SsiException> expectThrows(name: String, block: () -> Unit): E? {
    try {
        block()
    } catch (e: SsiException) {
        check("$name throws ${E::class.simpleName} (got ${e::class.simpleName})", e is E)
        return e as? E
    }
    check("$name throws", false)
    return null
}

fun main(args: Array<String>) {
    val root = File(args.getOrElse(0) { "." })
    fun text(rel: String) = File(root, rel).readText()
    fun bytes(rel: String) = File(root, rel).readBytes()

    check("version is the crate version", version() == args.getOrElse(1) { version() })

    // Smart-ID: a valid device-link list, and a 61-character displayText60.
    val two = text("samples/smartid/interactions-two.b64").trim()
    val list = smartidDecode(two, Flow.DEVICE_LINK, null)
    check("two interactions", list.items.size == 2)
    check("second is displayTextAndPIN", list.items[1].kind == InteractionType.DISPLAY_TEXT_AND_PIN)
    check("records are data classes", list.items[0] == list.items[0].copy())
    val tooLong = text("samples/smartid/interactions-too-long.b64").trim()
    val rule = expectThrows<SsiException.Rule>("too long displayText60") {
        smartidDecode(tooLong, Flow.DEVICE_LINK, null)
    }
    check("rule code", rule?.code == ErrorCode.DISPLAY_TEXT_TOO_LONG)
    check("stable number 606", rule != null && errorCodeValue(rule.code) == 606u)
    check("stable name", rule != null && errorCodeName(rule.code) == "DISPLAY_TEXT_TOO_LONG")
    // The code is its own field: the detail is the bare explanation, never "CODE: ...".
    check("detail is the bare explanation", rule?.detail?.isNotEmpty() == true && rule.detail.startsWith("DISPLAY_TEXT_TOO_LONG") == false)
    // The base type carries the code too: one catch for every group.
    try {
        smartidDecode(tooLong, Flow.DEVICE_LINK, null)
        check("too long throws", false)
    } catch (e: SsiException) {
        check("base errorCode()", e.errorCode() == ErrorCode.DISPLAY_TEXT_TOO_LONG)
        check("base codeValue()", e.codeValue() == 606u)
    }
    val enc = expectThrows<SsiException.Encoding>("not Base64") { smartidDecode("***", Flow.DEVICE_LINK, null) }
    check("encoding code 200", enc != null && errorCodeValue(enc.code) == 200u)

    // ProofSpace: the RSA-4096 X-Body-Signature vector, its tampered body, and a broken key.
    val pem = text("samples/proofspace/service-public.pem")
    val sig = text("samples/proofspace/webhook-request.sig.b64").trim()
    val good = proofspaceVerifyBody(pem, bytes("samples/proofspace/webhook-request.json"), sig)
    check("signature verifies", good == Verdict(valid = true, reason = null))
    val bad = proofspaceVerifyBody(pem, bytes("samples/proofspace/webhook-request-tampered.json"), sig)
    check("tampered body fails", !bad.valid && bad.reason == ErrorCode.SIGNATURE_MISMATCH)
    val crypto = expectThrows<SsiException.Crypto>("garbage key") {
        proofspaceVerifyBody("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", ByteArray(1), sig)
    }
    check("crypto code is 5xx", crypto != null && errorCodeValue(crypto.code) / 100u == 5u)

    // Presentation Exchange: the email credential satisfies the seed definition, a phone one does not.
    val definition = text("samples/gataca/presentation-definition.json")
    val ok = peEvaluate(definition, text("samples/gataca/credentials-email.json"), null)
    check("email credential satisfies", ok.verdict.valid)
    check("evaluation JSON", ok.evaluationJson.startsWith("{"))
    val phone = peEvaluate(definition, text("samples/gataca/credentials-phone-only.json"), null)
    check("phone only does not", !phone.verdict.valid && phone.verdict.reason != null)
    val format = expectThrows<SsiException.Format>("definition not JSON") { peEvaluate("{", "[]", null) }
    check("format code is 3xx", format != null && errorCodeValue(format.code) / 100u == 3u)

    // Every code keeps its number and name across the FFI.
    for (code in ErrorCode.values()) {
        val value = errorCodeValue(code)
        check("$code in 1xx..9xx", value in 100u..999u)
        check("$code name", errorCodeName(code) == code.name)
    }

    if (failures.isNotEmpty()) {
        failures.forEach { System.err.println("check failed: $it") }
        System.err.println("${failures.size} of $checks checks failed")
        exitProcess(1)
    }
    println("kotlin bindings: $checks checks passed")
}
