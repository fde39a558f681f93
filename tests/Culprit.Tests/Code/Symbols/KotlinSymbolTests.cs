namespace Culprit.Tests.Code.Symbols;

public sealed class KotlinSymbolTests
{
    [Fact]
    public void ClassesCompanionsExpressionBodiesAndNestedComments()
    {
        var file = Symbols.Of("src/main/kotlin/Greeter.kt", """
            package com.acme.kt

            /** A greeter. */
            class Greeter(private val name: String) {
                /**
                 * Greets.
                 */
                fun greet(times: Int): String {
                    val s = "Hello ${name.uppercase()} }"
                    return repeat(s, times)
                }

                fun short() = compute(1)

                companion object {
                    fun create(): Greeter = Greeter("x")
                }
            }

            fun topLevel(x: Int): Int {
                /* nested /* comment } */ still */
                return x + helper(x)
            }
            """);
        Assert.Null(file.Note);
        Assert.Equal(
        [
            "class com.acme.kt.Greeter 4-18",
            "method com.acme.kt.Greeter.greet 8-11",
            "method com.acme.kt.Greeter.short 13-13",
            "class com.acme.kt.Greeter.Companion 15-17",
            "method com.acme.kt.Greeter.Companion.create 16-16",
            "function com.acme.kt.topLevel 20-23",
        ], Symbols.Lines(file));
        var greet = Symbols.Named(file, "com.acme.kt.Greeter.greet");
        Assert.Equal("Greets.", greet.Doc);
        Assert.Equal("fun greet(times: Int): String", greet.Signature);
        Assert.Equal(["uppercase", "repeat"], greet.Calls);
        Assert.Equal("compute", Symbols.Calls(file, "com.acme.kt.Greeter.short"));
        Assert.Equal("fun short()", Symbols.Named(file, "com.acme.kt.Greeter.short").Signature);
        Assert.Equal("Greeter", Symbols.Calls(file, "com.acme.kt.Greeter.Companion.create"));
        Assert.Equal("helper", Symbols.Calls(file, "com.acme.kt.topLevel"));
        Assert.Equal("A greeter.", Symbols.Named(file, "com.acme.kt.Greeter").Doc);
    }
}
