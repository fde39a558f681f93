using Culprit.Exceptions;
using Culprit.Model;

namespace Culprit.Tests.Exceptions;

public sealed class InAppRulesTests
{
    [Theory]
    [InlineData("com.shop.Tax", null, true)]
    [InlineData("java.lang.reflect.Method", null, false)]
    [InlineData("org.springframework.web.X", null, false)]
    [InlineData("System.Linq.Enumerable", null, false)]
    [InlineData("Shop.Api.Orders", "/src/Shop.Api/Orders.cs", true)]
    [InlineData(null, "/app/recs/engine/ranker.py", true)]
    [InlineData(null, "/usr/lib/python3.11/site-packages/flask/app.py", false)]
    [InlineData(null, "/srv/gateway/node_modules/express/lib/router/layer.js", false)]
    [InlineData("actionpack (7.1.3)", "lib/action_controller/metal.rb", false)]
    [InlineData(null, "app/controllers/orders_controller.rb", true)]
    public void DefaultsSeparateOwnCodeFromLibraries(string? module, string? file, bool inApp) =>
        Assert.Equal(inApp, InAppRules.Default.IsInApp(new Frame { Module = module, File = file, Function = "f" }));

    [Fact]
    public void AnIncludeWinsOverAnExclude()
    {
        var rules = new InAppRules(["org.springframework.samples."], InAppRules.DefaultExcludes);
        Assert.True(rules.IsInApp(new Frame { Module = "org.springframework.samples.petclinic.Owner", Function = "f" }));
        Assert.False(rules.IsInApp(new Frame { Module = "org.springframework.web.Servlet", Function = "f" }));
    }
}
