using Culprit.Storage.Archive;

namespace Culprit.Tests.Storage.Archive;

public sealed class S3LocationTests
{
    [Theory]
    [InlineData("s3://logs", "logs", "", "s3://logs")]
    [InlineData("s3://logs/", "logs", "", "s3://logs")]
    [InlineData("s3://logs/raw", "logs", "raw/", "s3://logs/raw")]
    [InlineData("S3://my.logs-1/raw/prod/", "my.logs-1", "raw/prod/", "s3://my.logs-1/raw/prod")]
    public void UrlGivesBucketAndFolderPrefix(string url, string bucket, string prefix, string shown)
    {
        Assert.True(S3Location.TryParse(url, out var location, out var error), error);
        Assert.Equal((bucket, prefix, shown), (location.Bucket, location.Prefix, location.ToString()));
    }

    [Theory]
    [InlineData(null, "not an S3 URL")]
    [InlineData("/var/archive", "not an S3 URL")]
    [InlineData("https://s3.amazonaws.com/logs", "not an S3 URL")]
    [InlineData("s3://", "3 to 63 characters")]
    [InlineData("s3://ab/x", "3 to 63 characters")]
    [InlineData("s3://Logs/x", "lowercase letters")]
    [InlineData("s3://my_logs", "lowercase letters")]
    [InlineData("s3://-logs", "start and end")]
    [InlineData("s3://logs/a//b", "empty folders")]
    public void AnythingElseSaysWhy(string? url, string reason)
    {
        Assert.False(S3Location.TryParse(url, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsNameEveryProblemAtOnce()
    {
        var options = new S3ArchiveOptions { Url = "s3://x", ServiceUrl = new Uri("ftp://host/"), AccessKey = "a", MaxRetries = 99 };

        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(options.Validate);

        Assert.Contains("3 to 63", error.Message, StringComparison.Ordinal);
        Assert.Contains("not an http(s) URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("together", error.Message, StringComparison.Ordinal);
        Assert.Contains("retries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndpointAndRegionFallBackToTheAwsVariables()
    {
        var options = new S3ArchiveOptions { Url = "s3://logs" };
        var variables = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://general:9000",
            ["AWS_ENDPOINT_URL_S3"] = "http://s3-only:9000",
            ["AWS_DEFAULT_REGION"] = "eu-central-1",
        };

        Assert.Equal(new Uri("http://s3-only:9000"), S3Clients.Endpoint(options, variables.GetValueOrDefault));
        Assert.Equal("eu-central-1", S3Clients.Region(options, variables.GetValueOrDefault));
        Assert.Null(S3Clients.Endpoint(options, _ => null));
        Assert.Equal("us-east-1", S3Clients.Region(options, _ => null));

        options.ServiceUrl = new Uri("http://given:9000");
        options.Region = "ap-south-1";
        Assert.Equal(new Uri("http://given:9000"), S3Clients.Endpoint(options, variables.GetValueOrDefault));
        Assert.Equal("ap-south-1", S3Clients.Region(options, variables.GetValueOrDefault));
    }
}
