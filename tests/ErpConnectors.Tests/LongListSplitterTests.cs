using System.Web;
using ErpConnectors.Core.Requests;
using ErpConnectors.Jiwa;

namespace ErpConnectors.Tests;

public class LongListSplitterTests
{
    private static readonly Uri Base = new("https://severa.test/rest-api/v1.0");

    private static string[] Values(ApiRequest request, string key) =>
        request.Query.Where(p => p.Key == key).Select(p => p.Value).ToArray();

    [Fact]
    public void A_short_list_stays_one_request()
    {
        var request = ApiRequest.Get("customers").AddEach("numbers", Enumerable.Range(1, 20));

        Assert.Same(request, Assert.Single(LongListSplitter.Split(request, Base)));
    }

    [Fact]
    public void Five_thousand_numbers_become_several_requests_each_under_the_limit_that_together_ask_for_every_number_once()
    {
        var request = ApiRequest.Get("customers").Add("isActive", true).AddEach("numbers", Enumerable.Range(1, 5000)).Add("changedSince", "2024-01-01");
        Assert.True(request.BuildUri(Base).AbsoluteUri.Length > 30_000);

        var parts = LongListSplitter.Split(request, Base);

        Assert.True(parts.Count > 10);
        Assert.All(parts, part => Assert.True(part.BuildUri(Base).AbsoluteUri.Length <= LongListSplitter.MaxUriLength));
        Assert.Equal(Enumerable.Range(1, 5000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), parts.SelectMany(p => Values(p, "numbers")));
        Assert.All(parts, part =>
        {
            Assert.Equal(["true"], Values(part, "isActive"));
            Assert.Equal(["2024-01-01"], Values(part, "changedSince"));
        });
    }

    [Fact]
    public void Repeated_values_are_asked_for_once()
    {
        var request = ApiRequest.Get("customers").AddEach("numbers", Enumerable.Range(1, 3000).Select(n => n % 1000));

        var parts = LongListSplitter.Split(request, Base);

        Assert.Equal(1000, parts.SelectMany(p => Values(p, "numbers")).Count());
    }

    [Fact]
    public void Two_long_lists_are_both_split_and_every_combination_is_asked_for()
    {
        var guids = Enumerable.Range(0, 80).Select(_ => Guid.NewGuid()).ToArray();
        var request = ApiRequest.Get("invoices").AddEach("customerGuids", guids).AddEach("numbers", Enumerable.Range(1, 300));

        var parts = LongListSplitter.Split(request, Base);

        Assert.All(parts, part => Assert.True(part.BuildUri(Base).AbsoluteUri.Length <= LongListSplitter.MaxUriLength));
        var pairs = parts.SelectMany(p => Values(p, "customerGuids").SelectMany(g => Values(p, "numbers").Select(n => (g, n)))).ToList();
        Assert.Equal(80 * 300, pairs.Count);
        Assert.Equal(80 * 300, pairs.Distinct().Count());
    }

    [Fact]
    public void A_comma_list_of_an_AutoQuery_In_filter_is_split_but_not_a_NotIn_one()
    {
        string ids = string.Join(",", Enumerable.Range(0, 400).Select(i => $"000000000{i:D4}00000001"));
        var request = ApiRequest.Get("Queries/DebtorList").Add("DebtorIDIn", ids).Add("Take", 100);

        var parts = LongListSplitter.Split(request, Base, JiwaQuery.IsInList);

        Assert.True(parts.Count > 1);
        Assert.Equal(ids, string.Join(",", parts.Select(p => Assert.Single(Values(p, "DebtorIDIn")))));
        Assert.All(parts, part => Assert.True(part.BuildUri(Base).AbsoluteUri.Length <= LongListSplitter.MaxUriLength));

        var notIn = ApiRequest.Get("Queries/DebtorList").Add("DebtorIDNotIn", ids);
        Assert.Single(LongListSplitter.Split(notIn, Base, JiwaQuery.IsInList));
        Assert.Equal(HttpUtility.UrlDecode(notIn.BuildUri(Base).Query).Length, ("?DebtorIDNotIn=" + ids).Length);
    }
}
