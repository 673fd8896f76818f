using ErpConnectors.Core.Common;

namespace ErpConnectors.Tests;

/// <summary>The one rule for numbers read from text (CSV cells), whatever the session's culture.</summary>
public class NumberTextTests
{
    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("1,5", 1.5)]
    [InlineData(" 12,25 ", 12.25)]
    [InlineData("0,500", 0.5)]
    [InlineData("-0,75", -0.75)]
    [InlineData("1500", 1500)]
    [InlineData("7", 7)]
    [InlineData("1,5000", 1.5)]
    [InlineData("1234,567", 1234.567)]
    public void Unambiguous_text_is_read_as_one_number(string text, double expected)
    {
        Assert.True(NumberText.TryParse(text, wholeNumber: false, out decimal number, out string error), error);
        Assert.Equal((decimal)expected, number);
    }

    [Theory]
    [InlineData("1,500", "ambiguous")]
    [InlineData("-12,000", "ambiguous")]
    [InlineData("1,500.25", "thousands separators")]
    [InlineData("1.500,25", "thousands separators")]
    [InlineData("1,500,000", "thousands separators")]
    [InlineData("1 500", "not a number")]
    [InlineData("lots", "not a number")]
    public void Text_that_could_mean_another_number_is_refused_naming_it(string text, string why)
    {
        Assert.False(NumberText.TryParse(text, wholeNumber: false, out _, out string error));
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
        Assert.Contains(why, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("2.5")]
    public void Whole_numbers_refuse_fractions_instead_of_rounding(string text)
    {
        Assert.False(NumberText.TryParse(text, wholeNumber: true, out _, out string error));
        Assert.Contains("whole number", error, StringComparison.Ordinal);
        Assert.True(NumberText.TryParse("12.0", wholeNumber: true, out decimal twelve, out _));
        Assert.Equal(12m, twelve);
    }
}
