using System.Management.Automation;
using System.Net;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;
using ErpConnectors.Tests.Support;

namespace ErpConnectors.Tests;

public class TokenManagerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A scriptable provider: counts calls, can hold them on a gate, and issues numbered tokens.</summary>
    private sealed class FakeProvider : ITokenProvider
    {
        private readonly Func<DateTimeOffset> _clock;
        private int _issued;
        public int Acquisitions;
        public int Refreshes;

        public FakeProvider(Func<DateTimeOffset> clock) => _clock = clock;

        public bool CanReauthenticate { get; set; } = true;

        public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

        public TimeSpan? RefreshLifetime { get; set; } = TimeSpan.FromDays(1);

        public bool IssueRefreshTokens { get; set; } = true;

        /// <summary>When set, acquisitions and refreshes wait on it (so concurrent callers pile up).</summary>
        public TaskCompletionSource? Gate { get; set; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Exception? RefreshFailure { get; set; }

        public async Task<TokenSet> AcquireAsync(ICallOutput? output, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Acquisitions);
            Entered.TrySetResult();
            if (Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            return Issue("acquired");
        }

        public async Task<TokenSet?> RefreshAsync(TokenSet current, ICallOutput? output, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Refreshes);
            Entered.TrySetResult();
            if (Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            if (RefreshFailure is { } failure)
            {
                throw failure;
            }

            return Issue("refreshed");
        }

        public void Apply(HttpRequestMessage request, TokenSet token)
        {
        }

        private TokenSet Issue(string how)
        {
            int n = Interlocked.Increment(ref _issued);
            DateTimeOffset now = _clock();
            return new TokenSet($"{how}-{n}", now, now + Lifetime)
            {
                RefreshToken = IssueRefreshTokens ? $"refresh-{n}" : null,
                RefreshExpiresOn = IssueRefreshTokens && RefreshLifetime is { } r ? now + r : null,
            };
        }
    }

    private static (TokenManager Manager, FakeProvider Provider, Func<TimeSpan, DateTimeOffset> Advance) Create(Action<FakeProvider>? configure = null)
    {
        DateTimeOffset now = T0;
        var provider = new FakeProvider(() => now);
        configure?.Invoke(provider);
        var manager = new TokenManager(provider, () => now);
        return (manager, provider, by => now += by);
    }

    [Fact]
    public async Task Fifty_concurrent_callers_without_a_token_cause_exactly_one_acquisition()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (manager, provider, _) = Create(p => p.Gate = gate);

        // Each call runs synchronously until it waits (the first inside AcquireAsync, the rest on the manager's
        // gate), so when the loop ends all 50 are pending at once.
        var callers = Enumerable.Range(0, 50).Select(_ => manager.GetAsync(null, CancellationToken.None).AsTask()).ToArray();
        await provider.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(callers, c => Assert.False(c.IsCompleted));

        gate.SetResult();
        TokenSet[] tokens = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, provider.Acquisitions);
        Assert.Equal(0, provider.Refreshes);
        Assert.All(tokens, t => Assert.Same(tokens[0], t));
        Assert.Same(tokens[0], manager.Current);
    }

    [Fact]
    public async Task Fifty_callers_on_the_thread_pool_with_an_expired_token_cause_one_renewal()
    {
        var (manager, provider, advance) = Create(p => p.IssueRefreshTokens = false);
        await manager.GetAsync(null, CancellationToken.None);
        advance(TimeSpan.FromHours(1)); // expired

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Gate = gate;
        using var ready = new CountdownEvent(50);
        var callers = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            ready.Signal();
            return await manager.GetAsync(null, CancellationToken.None);
        })).ToArray();
        Assert.True(ready.Wait(TimeSpan.FromSeconds(10)));
        await provider.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(50); // let the stragglers reach the gate; the assertion holds either way
        gate.SetResult();
        TokenSet[] tokens = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, provider.Acquisitions); // the first token, then exactly one renewal
        Assert.All(tokens, t => Assert.Same(tokens[0], t));
        Assert.Equal("acquired-2", tokens[0].AccessToken);
    }

    [Fact]
    public async Task A_valid_token_is_reused_without_calling_the_provider()
    {
        var (manager, provider, advance) = Create();
        TokenSet first = await manager.GetAsync(null, CancellationToken.None);
        advance(TimeSpan.FromMinutes(8));
        TokenSet second = await manager.GetAsync(null, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(1, provider.Acquisitions);
        Assert.Equal(0, provider.Refreshes);
    }

    [Fact]
    public async Task The_token_is_renewed_within_the_renewal_margin_before_it_expires()
    {
        var (manager, provider, advance) = Create(p => p.IssueRefreshTokens = false);
        TokenSet first = await manager.GetAsync(null, CancellationToken.None);
        Assert.Equal(TimeSpan.FromMinutes(1), first.RenewalMargin);

        advance(TimeSpan.FromMinutes(8) + TimeSpan.FromSeconds(59));
        Assert.Same(first, await manager.GetAsync(null, CancellationToken.None));

        advance(TimeSpan.FromSeconds(2)); // 9:01 of 10:00: inside the one-minute margin, not yet expired
        TokenSet second = await manager.GetAsync(null, CancellationToken.None);

        Assert.NotSame(first, second);
        Assert.Equal(2, provider.Acquisitions);
    }

    [Fact]
    public async Task Short_lived_tokens_renew_a_fifth_of_their_lifetime_early()
    {
        var (manager, provider, advance) = Create(p =>
        {
            p.IssueRefreshTokens = false;
            p.Lifetime = TimeSpan.FromSeconds(100);
        });
        TokenSet first = await manager.GetAsync(null, CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(20), first.RenewalMargin);

        advance(TimeSpan.FromSeconds(79));
        Assert.Same(first, await manager.GetAsync(null, CancellationToken.None));
        advance(TimeSpan.FromSeconds(2));
        Assert.NotSame(first, await manager.GetAsync(null, CancellationToken.None));
        Assert.Equal(2, provider.Acquisitions);
    }

    [Fact]
    public async Task A_valid_refresh_token_is_preferred_over_a_new_login()
    {
        var renewed = new List<TokenSet>();
        var (manager, provider, advance) = Create();
        manager.Renewed += renewed.Add;
        await manager.GetAsync(null, CancellationToken.None);
        advance(TimeSpan.FromMinutes(30));

        TokenSet token = await manager.GetAsync(null, CancellationToken.None);

        Assert.StartsWith("refreshed-", token.AccessToken);
        Assert.Equal(1, provider.Acquisitions);
        Assert.Equal(1, provider.Refreshes);
        Assert.Equal(2, renewed.Count);
        Assert.Same(token, renewed[1]);
    }

    [Fact]
    public async Task An_expired_refresh_token_is_not_used()
    {
        var (manager, provider, advance) = Create(p => p.RefreshLifetime = TimeSpan.FromMinutes(20));
        await manager.GetAsync(null, CancellationToken.None);
        advance(TimeSpan.FromMinutes(30));

        TokenSet token = await manager.GetAsync(null, CancellationToken.None);

        Assert.StartsWith("acquired-", token.AccessToken);
        Assert.Equal(0, provider.Refreshes);
        Assert.Equal(2, provider.Acquisitions);
    }

    [Fact]
    public async Task A_refresh_refused_with_401_falls_back_to_a_new_login()
    {
        var (manager, provider, advance) = Create();
        await manager.GetAsync(null, CancellationToken.None);
        advance(TimeSpan.FromMinutes(30));
        provider.RefreshFailure = new ApiException("Test", "refresh token revoked", ErrorCategory.AuthenticationError, "Test.401") { StatusCode = HttpStatusCode.Unauthorized };
        var output = new RecordingOutput();

        TokenSet token = await manager.GetAsync(output, CancellationToken.None);

        Assert.StartsWith("acquired-", token.AccessToken);
        Assert.Equal(1, provider.Refreshes);
        Assert.Equal(2, provider.Acquisitions);
        Assert.Contains(output.VerboseLines, l => l.Contains("Refreshing the token failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refresh_failing_for_another_reason_is_not_hidden()
    {
        var (manager, provider, advance) = Create();
        await manager.GetAsync(null, CancellationToken.None);
        advance(TimeSpan.FromMinutes(30));
        provider.RefreshFailure = new ApiException("Test", "server down", ErrorCategory.ResourceUnavailable, "Test.503") { StatusCode = HttpStatusCode.ServiceUnavailable };

        var ex = await Assert.ThrowsAsync<ApiException>(() => manager.GetAsync(null, CancellationToken.None).AsTask());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(1, provider.Acquisitions);
    }

    [Fact]
    public async Task Many_callers_rejected_with_the_same_token_cause_one_renewal()
    {
        var (manager, provider, _) = Create();
        TokenSet rejected = await manager.GetAsync(null, CancellationToken.None);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Gate = gate;

        var callers = Enumerable.Range(0, 20).Select(_ => manager.RenewAfterRejectionAsync(rejected, null, CancellationToken.None).AsTask()).ToArray();
        await provider.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        gate.SetResult();
        TokenSet[] tokens = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, provider.Refreshes);
        Assert.Equal(1, provider.Acquisitions);
        Assert.All(tokens, t => Assert.Same(tokens[0], t));
        Assert.NotSame(rejected, tokens[0]);

        // A late caller still holding the old token gets the new one without another renewal.
        Assert.Same(tokens[0], await manager.RenewAfterRejectionAsync(rejected, null, CancellationToken.None));
        Assert.Equal(1, provider.Refreshes);
    }

    [Fact]
    public async Task A_rejected_token_is_renewed_even_though_it_has_not_expired()
    {
        var (manager, provider, _) = Create(p => p.IssueRefreshTokens = false);
        TokenSet first = await manager.GetAsync(null, CancellationToken.None);
        TokenSet second = await manager.RenewAfterRejectionAsync(first, null, CancellationToken.None);

        Assert.NotSame(first, second);
        Assert.Equal(2, provider.Acquisitions);
    }

    [Fact]
    public async Task A_provider_that_cannot_log_in_again_reports_ReauthenticationImpossible()
    {
        var (manager, provider, advance) = Create(p =>
        {
            p.CanReauthenticate = false;
            p.IssueRefreshTokens = false;
        });
        TokenSet token = await manager.GetAsync(null, CancellationToken.None);
        Assert.False(manager.CanReplace(token));

        // Expired but not refused: it is used until the server says no.
        advance(TimeSpan.FromHours(1));
        Assert.Same(token, await manager.GetAsync(null, CancellationToken.None));

        var ex = await Assert.ThrowsAsync<ApiException>(() => manager.RenewAfterRejectionAsync(token, null, CancellationToken.None).AsTask());
        Assert.True(ex.IsTerminating);
        Assert.Equal(ErrorCategory.AuthenticationError, ex.Category);
        Assert.Equal("ErpConnectors.TokenRefused", ex.ErrorId);
        Assert.Equal(1, provider.Acquisitions);
    }

    [Fact]
    public async Task Forget_makes_the_next_call_authenticate_anew()
    {
        var (manager, provider, _) = Create();
        await manager.GetAsync(null, CancellationToken.None);
        manager.Forget();
        Assert.Null(manager.Current);
        await manager.GetAsync(null, CancellationToken.None);
        Assert.Equal(2, provider.Acquisitions);
    }

    [Fact]
    public async Task A_cancelled_waiter_does_not_block_the_others()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (manager, provider, _) = Create(p => p.Gate = gate);
        var first = manager.GetAsync(null, CancellationToken.None).AsTask();
        await provider.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var cancel = new CancellationTokenSource();
        var impatient = manager.GetAsync(null, cancel.Token).AsTask();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        gate.SetResult();
        Assert.Equal("acquired-1", (await first.WaitAsync(TimeSpan.FromSeconds(10))).AccessToken);
        Assert.Equal(1, provider.Acquisitions);
    }
}
