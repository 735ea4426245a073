// The generated Kotlin bindings from many JVM threads at once (the pool a coroutine dispatcher
// such as Dispatchers.Default runs on): every call gives the answer it gives on one thread, errors
// carry the code of their own call, and vcVerify shares the process-wide context cache safely.
package io.ssiverify.check

import io.ssiverify.*
import java.io.File
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.system.exitProcess

private const val THREADS = 8
private const val ROUNDS = 10
private const val LDP_NOW = 1767225600uL
private const val EMAIL_CONTEXT = "https://example.org/ssi-verify/email/v1"

// RFC 8032 section 7.1, TEST 1.
private fun hex(s: String) = ByteArray(s.length / 2) { s.substring(2 * it, 2 * it + 2).toInt(16).toByte() }
private val PUBLIC = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
private val SIGNATURE = hex(
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b" +
        "d25bf5f0595bbe24655141438e7a100b",
)

/** What a call gave: its value, or the code of the error it raised. */
private fun outcome(call: () -> Any): Pair<String, Any> =
    try {
        "ok" to call()
    } catch (e: SsiException) {
        "error" to e.errorCode()
    }

fun main(args: Array<String>) {
    val root = File(args.getOrElse(0) { "." })
    fun text(rel: String) = File(root, rel).readText()
    fun bytes(rel: String) = File(root, rel).readBytes()
    val pem = text("samples/proofspace/service-public.pem")
    val body = bytes("samples/proofspace/webhook-request.json")
    val sig = text("samples/proofspace/webhook-request.sig.b64").trim()
    val options = VerifyOptions(
        challenge = null, domain = null, allowSha256Prehash = false, now = LDP_NOW, leeway = 60uL,
        profile = VerifierProfile.STRICT, statusLists = listOf(),
        contexts = listOf(JsonLdContext(url = EMAIL_CONTEXT, document = text("samples/ldp/context-email-v1.jsonld"))),
    )
    val ldp = text("samples/ldp/vc-eddsa-rdfc-2022.json")
    val definition = text("samples/gataca/presentation-definition.json")
    val calls: Map<String, () -> Any> = linkedMapOf(
        "ed25519 valid" to { ed25519Verify(PUBLIC, SIGNATURE, ByteArray(0)) },
        "ed25519 invalid" to { ed25519Verify(PUBLIC, SIGNATURE, "x".toByteArray()) },
        "rsa body valid" to { proofspaceVerifyBody(pem, body, sig) },
        "rsa body changed" to { proofspaceVerifyBody(pem, body + ' '.code.toByte(), sig) },
        "ldp credential" to { vcVerify(ldp, "", options, null) },
        "pe evaluate" to { peEvaluate(definition, text("samples/gataca/credentials-email.json"), null) },
        "jcs" to { jcsCanonicalize("""{"b":[1.0E2,"\u20ac"],"a":null}""", null) },
        "jsonpath" to { jsonpathSelect("$..b", """{"a":{"b":1},"c":[{"b":"x"}]}""", null) },
        "error: bad base64" to { proofspaceVerifyBody(pem, body, "%%%") },
        "error: duplicate key" to { jcsCanonicalize("""{"a":1,"a":2}""", null) },
        "error: short key" to { ed25519Verify(PUBLIC.copyOf(31), SIGNATURE, ByteArray(0)) },
    )
    val expected = calls.mapValues { (_, call) -> outcome(call) }
    val failures = mutableListOf<String>()
    fun check(name: String, cond: Boolean) {
        if (!cond) failures += name
    }
    // The single-threaded answers are the documented ones, so equality below means something.
    check("ed25519 valid", expected["ed25519 valid"] == ("ok" to Verdict(valid = true, reason = null)))
    check("rsa body changed", expected["rsa body changed"] == ("ok" to Verdict(false, ErrorCode.SIGNATURE_MISMATCH)))
    check("ldp credential valid", (expected["ldp credential"]?.second as? VerificationReport)?.verdict?.valid == true)
    check("bad base64", expected["error: bad base64"] == ("error" to ErrorCode.INVALID_BASE64))
    check("duplicate key", expected["error: duplicate key"] == ("error" to ErrorCode.DUPLICATE_KEY))
    check("short key", expected["error: short key"] == ("error" to ErrorCode.INVALID_KEY))

    // Every thread runs every call, in an order rotated by its index, ROUNDS times.
    val names = calls.keys.toList()
    val pool = Executors.newFixedThreadPool(THREADS)
    val futures = (0 until THREADS).map { index ->
        pool.submit(
            Callable {
                val seen = mutableListOf<Pair<String, Pair<String, Any>>>()
                for (round in 0 until ROUNDS) {
                    for (k in names.indices) {
                        val name = names[(index + round + k) % names.size]
                        seen += name to outcome(calls.getValue(name))
                    }
                }
                seen
            },
        )
    }
    val results = futures.map { it.get(300, TimeUnit.SECONDS) }
    pool.shutdown()
    check("every thread finished", results.size == THREADS)
    for (seen in results) {
        check("every call ran", seen.size == ROUNDS * names.size)
        for ((name, got) in seen) check("$name on a thread", got == expected[name])
    }
    if (failures.isNotEmpty()) {
        failures.distinct().forEach { System.err.println("check failed: $it") }
        exitProcess(1)
    }
    println("kotlin threads: $THREADS threads x $ROUNDS rounds x ${names.size} calls gave the single-threaded answers")
}
