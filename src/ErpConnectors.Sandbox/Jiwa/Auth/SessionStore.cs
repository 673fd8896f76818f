using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ErpConnectors.Sandbox.Jiwa.Auth;

/// <summary>A signed-in session and when it dies unless kept alive.</summary>
internal sealed record JiwaSession(string Id, string UserName, DateTimeOffset ExpiresUtc);

/// <summary>
/// The server's sessions. A session lives the configured lifetime after sign-in or after its last GET
/// /KeepAlive (other requests do not extend it: the vendor documents KeepAlive as what extends a session).
/// When a session ends, however it ends, <paramref name="ended"/> drops what the server held for it (its
/// stateful objects).
/// </summary>
internal sealed class SessionStore(TimeProvider time, Func<TimeSpan> lifetime, Action<string> ended)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly ConcurrentDictionary<string, JiwaSession> _sessions = new(StringComparer.Ordinal);

    public int ActiveCount
    {
        get
        {
            var now = time.GetUtcNow();
            return _sessions.Values.Count(s => s.ExpiresUtc > now);
        }
    }

    /// <summary>A new session with a fresh id: 20 random letters and digits, like ServiceStack's session ids.</summary>
    public JiwaSession Start(string userName)
    {
        PurgeExpired();
        var id = new string(RandomNumberGenerator.GetItems<char>(Alphabet, 20));
        var session = new JiwaSession(id, userName, time.GetUtcNow() + lifetime());
        _sessions[id] = session;
        return session;
    }

    /// <summary>The live session with this id, or null (an expired one is ended on the way).</summary>
    public JiwaSession? Find(string id)
    {
        if (!_sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        if (session.ExpiresUtc > time.GetUtcNow())
        {
            return session;
        }

        End(id);
        return null;
    }

    /// <summary>Moves a live session's expiry to a full lifetime from now.</summary>
    public bool Extend(string id)
    {
        if (Find(id) is not { } session)
        {
            return false;
        }

        return _sessions.TryUpdate(id, session with { ExpiresUtc = time.GetUtcNow() + lifetime() }, session);
    }

    public bool End(string id)
    {
        if (!_sessions.TryRemove(id, out _))
        {
            return false;
        }

        ended(id);
        return true;
    }

    public void EndAll()
    {
        foreach (var id in _sessions.Keys)
        {
            End(id);
        }
    }

    private void PurgeExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (id, session) in _sessions)
        {
            if (session.ExpiresUtc <= now)
            {
                End(id);
            }
        }
    }
}
