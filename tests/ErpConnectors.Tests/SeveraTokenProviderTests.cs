using System.Text;
using System.Text.Json;
using ErpConnectors.Core.Auth;
using ErpConnectors.Severa;

namespace ErpConnectors.Tests;

public class SeveraTokenProviderTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static TokenSet Parse(string json) => SeveraTokenProvider.Parse(Encoding.UTF8.GetBytes(json), Now);

    [Fact]
    public void The_token_answer_gives_token_lifetimes_and_scopes()
    {
        TokenSet token = Parse("{\"access_token\":\"AT\",\"access_token_type\":\"Bearer\",\"access_token_expires_in\":3600," +
            "\"access_token_expires_utc\":\"2030-01-01T00:00:00Z\",\"refresh_token\":\"RT\",\"refresh_token_expires_in\":86400,\"scope\":\"customers:read  hours:read\"}");

        Assert.Equal("AT", token.AccessToken);
        Assert.Equal(Now.AddHours(1), token.ExpiresOn); // the relative lifetime wins over the server's clock
        Assert.Equal("RT", token.RefreshToken);
        Assert.Equal(Now.AddDays(1), token.RefreshExpiresOn);
        Assert.Equal(new[] { "customers:read", "hours:read" }, token.Scopes);
        Assert.True(token.CanRefresh(Now));
    }

    [Fact]
    public void The_short_names_and_absolute_expiry_are_understood()
    {
        TokenSet shortNames = Parse("{\"access_token\":\"AT\",\"expires_in\":600}");
        TokenSet absolute = Parse("{\"access_token\":\"AT\",\"access_token_expires_utc\":\"2025-01-01T13:00:00Z\"}");

        Assert.Equal(Now.AddMinutes(10), shortNames.ExpiresOn);
        Assert.Null(shortNames.RefreshToken);
        Assert.Empty(shortNames.Scopes);
        Assert.Equal(Now.AddHours(1), absolute.ExpiresOn);
    }

    [Fact]
    public void An_answer_without_an_access_token_is_an_error()
    {
        Assert.ThrowsAny<JsonException>(() => Parse("{\"refresh_token\":\"RT\"}"));
    }
}
