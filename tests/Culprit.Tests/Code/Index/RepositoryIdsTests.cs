using Culprit.Code.Index;

namespace Culprit.Tests.Code.Index;

public sealed class RepositoryIdsTests
{
    [Theory]
    [InlineData("https://github.com/acme/api.git", "https://GitHub.com/acme/api/")]
    [InlineData("https://github.com/acme/api", "git@github.com:acme/api.git")]
    [InlineData("/srv/repos/api", "/srv/repos/api/")]
    public void OneRepositorySpeltTwoWaysHasOneId(string a, string b) => Assert.Equal(RepositoryIds.For(a), RepositoryIds.For(b));

    [Fact]
    public void IdsAreSixteenHexDigitsAndDifferPerRepository()
    {
        var api = RepositoryIds.For("https://github.com/acme/api");

        Assert.Matches("^[0-9a-f]{16}$", api);
        Assert.NotEqual(api, RepositoryIds.For("https://github.com/acme/web"));
        Assert.Equal("github.com/acme/api", RepositoryIds.Normalize("https://github.com/acme/api.git"));
    }
}
