using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Culprit.Tests.Rca.Support;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 and a random port, for LLM engine tests: it records every request
/// (path, headers, body, arrival time) and answers each with what the test's function returns. One request
/// per connection (<c>Connection: close</c>).
/// </summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<FakeRequest, FakeResponse> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<FakeRequest> _requests = [];
    private readonly Lock _gate = new();
    private readonly Task _loop;
    private int _inFlight;

    private FakeLlmServer(Func<FakeRequest, FakeResponse> respond)
    {
        _respond = respond;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/"));
        _loop = AcceptAsync();
    }

    public Uri BaseUri { get; }

    /// <summary>Most requests being answered at the same time.</summary>
    public int MaxInFlight { get; private set; }

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_gate)
                return [.. _requests];
        }
    }

    /// <summary>Starts a server; <paramref name="respond"/> gets each request with its 0-based index.</summary>
    public static FakeLlmServer Start(Func<FakeRequest, FakeResponse> respond) => new(respond);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                break;
            }

            connections.Add(ServeAsync(client));
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var request = await ReadAsync(stream);
            if (request is null)
                return;
            int index;
            lock (_gate)
            {
                index = _requests.Count;
                request = request with { Index = index };
                _requests.Add(request);
                _inFlight++;
                MaxInFlight = Math.Max(MaxInFlight, _inFlight);
            }

            try
            {
                var response = _respond(request);
                if (response.Delay > TimeSpan.Zero)
                    await Task.Delay(response.Delay, _stop.Token);
                await WriteAsync(stream, response);
            }
            finally
            {
                lock (_gate)
                    _inFlight--;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up (a timeout test) or the server is stopping.
        }
    }

    private static async Task<FakeRequest?> ReadAsync(NetworkStream stream)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), "\r\n\r\n"u8)) < 0)
        {
            var read = await stream.ReadAsync(chunk);
            if (read == 0)
                return null;
            buffer.Write(chunk, 0, read);
        }

        var head = Encoding.ASCII.GetString(buffer.GetBuffer(), 0, headerEnd).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = new MemoryStream();
        body.Write(buffer.GetBuffer(), headerEnd + 4, (int)buffer.Length - headerEnd - 4);
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            return new FakeRequest(requestLine[0], requestLine[1], headers, await ReadChunkedAsync(stream, body), Stopwatch.GetTimestamp());
        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        while (body.Length < length)
        {
            var read = await stream.ReadAsync(chunk);
            if (read == 0)
                break;
            body.Write(chunk, 0, read);
        }

        return new FakeRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body.ToArray()), Stopwatch.GetTimestamp());
    }

    private static async Task<string> ReadChunkedAsync(NetworkStream stream, MemoryStream received)
    {
        var chunk = new byte[8192];
        var decoded = new MemoryStream();
        var data = received.ToArray().ToList();
        while (true)
        {
            var lineEnd = IndexOf(data.ToArray(), "\r\n"u8);
            while (lineEnd < 0)
            {
                var read = await stream.ReadAsync(chunk);
                data.AddRange(chunk.AsSpan(0, read).ToArray());
                lineEnd = IndexOf(data.ToArray(), "\r\n"u8);
            }

            var size = int.Parse(Encoding.ASCII.GetString(data.ToArray(), 0, lineEnd).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            while (data.Count < lineEnd + 2 + size + 2)
            {
                var read = await stream.ReadAsync(chunk);
                data.AddRange(chunk.AsSpan(0, read).ToArray());
            }

            if (size == 0)
                return Encoding.UTF8.GetString(decoded.ToArray());
            decoded.Write(data.ToArray(), lineEnd + 2, size);
            data.RemoveRange(0, lineEnd + 2 + size + 2);
        }
    }

    private static async Task WriteAsync(NetworkStream stream, FakeResponse response)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {ReasonOf(response.Status)}\r\n");
        head.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        head.Append("Connection: close\r\n");
        foreach (var (name, value) in response.Headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    private static string ReasonOf(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    private static int IndexOf(ReadOnlySpan<byte> data, ReadOnlySpan<byte> value) => data.IndexOf(value);
}
