using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Culprit.Storage.ClickHouse;

/// <summary>
/// A small client for ClickHouse's HTTP interface that uses only what every server version has (18.16
/// onwards): the statement in the body or in <c>query=</c>, settings as URL parameters, RowBinary bodies for
/// inserts and JSONEachRow answers for reads. User and password come from the URL's user info.
/// </summary>
public sealed class ClickHouseHttpClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly AuthenticationHeaderValue? _authorization;

    /// <param name="endpoint">The HTTP interface, e.g. <c>http://127.0.0.1:8123/</c> or <c>http://user:password@host:8123/</c>.</param>
    /// <param name="http">A client to share; one is created (and disposed with this) when null.</param>
    public ClickHouseHttpClient(Uri endpoint, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Scheme is not ("http" or "https"))
            throw new ArgumentException($"ClickHouse URL {endpoint} must start with http:// or https://.", nameof(endpoint));
        if (endpoint.UserInfo.Length > 0)
        {
            var credentials = Uri.UnescapeDataString(endpoint.UserInfo);
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials.Contains(':') ? credentials : credentials + ":")));
        }

        Endpoint = new UriBuilder(endpoint) { UserName = "", Password = "", Query = "", Path = endpoint.AbsolutePath.EndsWith('/') ? endpoint.AbsolutePath : endpoint.AbsolutePath + "/" }.Uri;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
    }

    /// <summary>The server's URL without credentials, as error messages name it.</summary>
    public Uri Endpoint { get; }

    /// <summary>Runs a statement that returns nothing (DDL, ALTER).</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        using var request = Request(QuerySize(sql, null), new StringContent(sql, Encoding.UTF8));
        using var response = await SendAsync(request, sql, cancellationToken);
    }

    /// <summary>Runs a SELECT (without a FORMAT clause) and maps each row of its JSONEachRow answer.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<JsonElement, T> map, CancellationToken cancellationToken = default)
    {
        var statement = sql + " FORMAT JSONEachRow";
        // 64-bit integers as JSON numbers rather than strings.
        using var request = Request(QuerySize(statement, "output_format_json_quote_64bit_integers=0"), new StringContent(statement, Encoding.UTF8));
        using var response = await SendAsync(request, statement, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<T>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
                continue;
            // An error after the answer started streaming is appended as plain text.
            if (line.StartsWith("Code: ", StringComparison.Ordinal))
                throw Refused(line, statement);
            using var document = JsonDocument.Parse(line);
            rows.Add(map(document.RootElement));
        }

        return rows;
    }

    /// <summary>A SELECT of one number: the first column of the first row (0 when there is no row or it is null).</summary>
    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(sql, FirstNumber, cancellationToken);
        return rows.Count == 0 ? 0 : rows[0];
    }

    /// <summary>
    /// Sends one INSERT whose data is written by <paramref name="write"/> in the statement's format. The body is
    /// built completely before it is sent, so a failure while writing it sends nothing.
    /// </summary>
    /// <param name="insert">The statement, ending with <c>FORMAT RowBinary</c> (or another input format).</param>
    /// <param name="settings">URL settings such as <c>max_insert_block_size=…</c>, already escaped.</param>
    internal async Task InsertAsync(string insert, Action<PooledBuffer> write, string? settings, CancellationToken cancellationToken = default)
    {
        using var body = new PooledBuffer();
        write(body);
        var parameters = "query=" + Uri.EscapeDataString(insert) + (settings is null ? "" : "&" + settings);
        using var request = Request(parameters, body);
        using var response = await SendAsync(request, insert, cancellationToken);
    }

    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }

    private static long FirstNumber(JsonElement row)
    {
        foreach (var column in row.EnumerateObject())
            return column.Value.ValueKind == JsonValueKind.Number ? column.Value.GetInt64() : 0;
        return 0;
    }

    /// <summary>Raises the parser's limit (256 KiB by default) for statements that carry long literals.</summary>
    private static string? QuerySize(string statement, string? parameters)
    {
        var bytes = Encoding.UTF8.GetByteCount(statement);
        if (bytes < 200_000)
            return parameters;
        var setting = "max_query_size=" + ((bytes * 2L) + 65536).ToString(CultureInfo.InvariantCulture);
        return parameters is null ? setting : parameters + "&" + setting;
    }

    private HttpRequestMessage Request(string? parameters, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, parameters is null ? Endpoint : new Uri(Endpoint, "?" + parameters)) { Content = content };
        if (_authorization is not null)
            request.Headers.Authorization = _authorization;
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string statement, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ClickHouseException($"ClickHouse at {Endpoint} is unreachable: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClickHouseException($"ClickHouse at {Endpoint} did not answer within {_http.Timeout.TotalSeconds:N0} s.", e);
        }

        if (response.IsSuccessStatusCode)
            return response;
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw Refused(text.Trim(), statement);
        }
    }

    private ClickHouseException Refused(string error, string statement)
    {
        int? code = null;
        if (error.StartsWith("Code: ", StringComparison.Ordinal))
        {
            var end = error.IndexOf(',', StringComparison.Ordinal);
            if (end > 6 && int.TryParse(error.AsSpan(6, end - 6), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                code = n;
        }

        var shown = statement.Length > 300 ? statement[..300] + " …" : statement;
        return new ClickHouseException($"ClickHouse at {Endpoint} refused `{shown}`: {error}", code);
    }
}
