using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ErpConnectors.Core.Auth;

/// <summary>
/// The redirect end of an OAuth2 authorization-code sign-in: listens on a loopback port (never on the network),
/// waits for the browser to arrive with ?code= (or ?error=) and the expected state, answers it with a short page,
/// and hands the query to the caller. Requests for other paths (a favicon) or with another state (a page trying
/// to inject a code) get a 404/400 and the wait goes on.
/// </summary>
internal sealed class LoopbackRedirectListener : IDisposable
{
    private const int MaxRequestBytes = 16 * 1024;
    private readonly List<TcpListener> _listeners = new();

    private LoopbackRedirectListener(Uri redirectUri) => RedirectUri = redirectUri;

    /// <summary>The URI to register as redirect_uri: http://localhost:{port}/ unless one was given.</summary>
    public Uri RedirectUri { get; }

    /// <summary>
    /// Binds the port of <paramref name="requested"/> (http, loopback host, explicit port), or a free one for the
    /// default http://localhost:{port}/. Both IPv4 and IPv6 loopback are served, since "localhost" may be either.
    /// </summary>
    public static LoopbackRedirectListener Start(Uri? requested)
    {
        if (requested is not null && !IsLoopbackHttp(requested))
        {
            throw new ArgumentException($"The redirect URI must be http on this machine (localhost, 127.0.0.1 or [::1]) with a port, such as http://localhost:8400/, not '{requested}'.");
        }

        int port = requested?.Port ?? 0;
        var v4 = new TcpListener(IPAddress.Loopback, port);
        v4.Start();
        port = ((IPEndPoint)v4.LocalEndpoint).Port;
        var redirect = requested ?? new Uri($"http://localhost:{port}/");
        var listener = new LoopbackRedirectListener(redirect);
        listener._listeners.Add(v4);
        try
        {
            var v6 = new TcpListener(IPAddress.IPv6Loopback, port);
            v6.Start();
            listener._listeners.Add(v6);
        }
        catch (SocketException)
        {
            // No IPv6 on this machine (or the port is taken there): IPv4 serves alone.
        }

        return listener;
    }

    public static bool IsLoopbackHttp(Uri uri) =>
        uri.IsAbsoluteUri && uri.Scheme == Uri.UriSchemeHttp && !uri.IsDefaultPort &&
        (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Waits for the redirect carrying <paramref name="state"/>, as OAuth's state parameter or as the redirect URI's
    /// own <paramref name="redirectStateParameter"/> (a server may drop the one and must keep the other); its query
    /// parameters (code, or error).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> WaitAsync(string state, string redirectStateParameter, Func<IReadOnlyDictionary<string, string>, string> page, CancellationToken cancellationToken)
    {
        // Accept has no cancellation in netstandard2.0: stopping the listeners ends a pending accept.
        using CancellationTokenRegistration stop = cancellationToken.Register(Dispose);
        var accepts = new List<Task<TcpClient>>();
        foreach (TcpListener listener in _listeners)
        {
            accepts.Add(listener.AcceptTcpClientAsync());
        }

        while (true)
        {
            Task<TcpClient> accepted;
            try
            {
                accepted = await Task.WhenAny(accepts).ConfigureAwait(false);
                int index = accepts.IndexOf(accepted);
                TcpClient client = await accepted.ConfigureAwait(false);
                accepts[index] = _listeners[index].AcceptTcpClientAsync();
                using (client)
                {
                    var query = await AnswerAsync(client, state, redirectStateParameter, page, cancellationToken).ConfigureAwait(false);
                    if (query is not null)
                    {
                        return query;
                    }
                }
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && (ex is ObjectDisposedException || ex is SocketException || ex is InvalidOperationException || ex is IOException))
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, string>?> AnswerAsync(TcpClient client, string state, string redirectStateParameter, Func<IReadOnlyDictionary<string, string>, string> page, CancellationToken cancellationToken)
    {
        NetworkStream stream = client.GetStream();
        string? target = await ReadRequestTargetAsync(stream, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return null;
        }

        int questionMark = target.IndexOf('?');
        string path = questionMark < 0 ? target : target.Substring(0, questionMark);
        if (!string.Equals(path.TrimEnd('/'), RedirectUri.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal))
        {
            await RespondAsync(stream, 404, "Not found.", cancellationToken).ConfigureAwait(false);
            return null;
        }

        Dictionary<string, string> query = ParseQuery(questionMark < 0 ? string.Empty : target.Substring(questionMark + 1));
        if (!Carries(query, "state", state) && !Carries(query, redirectStateParameter, state))
        {
            await RespondAsync(stream, 400, "This sign-in answer does not belong to the sign-in in progress (its state does not match). Close this page.", cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (!query.ContainsKey("code") && !query.ContainsKey("error"))
        {
            await RespondAsync(stream, 400, "The answer holds neither a code nor an error.", cancellationToken).ConfigureAwait(false);
            return null;
        }

        await RespondAsync(stream, 200, page(query), cancellationToken).ConfigureAwait(false);
        return query;
    }

    private static bool Carries(Dictionary<string, string> query, string name, string state) =>
        query.TryGetValue(name, out string? got) && string.Equals(got, state, StringComparison.Ordinal);

    private static async Task<string?> ReadRequestTargetAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestBytes];
        int length = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10)); // a client that connects and says nothing does not hold the sign-in up
        while (length < buffer.Length)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, length, buffer.Length - length, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            if (read == 0)
            {
                break;
            }

            length += read;
            string head = Encoding.ASCII.GetString(buffer, 0, length);
            int lineEnd = head.IndexOf("\r\n", StringComparison.Ordinal);
            if (lineEnd >= 0)
            {
                string[] parts = head.Substring(0, lineEnd).Split(' ');
                return parts.Length == 3 && parts[0] == "GET" ? parts[1] : null;
            }
        }

        return null;
    }

    private static async Task RespondAsync(NetworkStream stream, int status, string message, CancellationToken cancellationToken)
    {
        string html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>ErpConnectors</title></head>" +
            "<body style=\"font-family:sans-serif;margin:3em\"><p>" + WebUtility.HtmlEncode(message) + "</p></body></html>";
        byte[] body = Encoding.UTF8.GetBytes(html);
        string reason = status switch { 200 => "OK", 404 => "Not Found", _ => "Bad Request" };
        byte[] head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head, 0, head.Length, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(body, 0, body.Length, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in query.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            string key = Decode(equals < 0 ? pair : pair.Substring(0, equals));
            string value = equals < 0 ? string.Empty : Decode(pair.Substring(equals + 1));
            result[key] = value;
        }

        return result;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    public void Dispose()
    {
        foreach (TcpListener listener in _listeners)
        {
            listener.Stop();
        }
    }
}
