using Culprit.Code.Symbols;

namespace Culprit.Tests.Code.Symbols;

public sealed class DotNetFrameNamesTests
{
    [Theory]
    [InlineData("Ns.Type.<DoWorkAsync>d__5.MoveNext", "Ns.Type", "DoWorkAsync")]
    [InlineData("Ns.Type+<DoWorkAsync>d__5.MoveNext", "Ns.Type", "DoWorkAsync")]
    [InlineData("Ns.Type+<>c__DisplayClass3_0.<Run>b__0", "Ns.Type", "Run")]
    [InlineData("Ns.Type.<>c.<Run>b__3_0", "Ns.Type", "Run")]
    [InlineData("Ns.Type.<Run>g__Local|3_0", "Ns.Type", "Local")]
    [InlineData("Ns.Type.<<Run>g__LocalAsync|3_0>d.MoveNext", "Ns.Type", "LocalAsync")]
    [InlineData("Ns.Type.<>c.<<Run>b__3_0>d.MoveNext", "Ns.Type", "Run")]
    [InlineData("Ns.Type.<Items>d__4.MoveNext", "Ns.Type", "Items")]
    [InlineData("Ns.Outer+Inner.Method", "Ns.Outer.Inner", "Method")]
    [InlineData("Ns.Repo`1.Find", "Ns.Repo", "Find")]
    [InlineData("Ns.Repo`1+Cache`2.Get[TKey]", "Ns.Repo.Cache", "Get")]
    [InlineData("Ns.Type..ctor", "Ns.Type", ".ctor")]
    [InlineData("Ns.Type..cctor", "Ns.Type", ".cctor")]
    [InlineData("Ns.Type.<.ctor>b__0_0", "Ns.Type", ".ctor")]
    [InlineData("Ns.Type.get_Total", "Ns.Type", "Total")]
    [InlineData("Ns.Type.<get_Total>b__2_0", "Ns.Type", "Total")]
    [InlineData("Ns.Type.Method", "Ns.Type", "Method")]
    [InlineData("Method", "", "Method")]
    public void FrameNamesMapToTheDeclaredMember(string frame, string type, string method)
    {
        Assert.Equal((type, method), DotNetFrameNames.Normalize(frame));
    }
}
