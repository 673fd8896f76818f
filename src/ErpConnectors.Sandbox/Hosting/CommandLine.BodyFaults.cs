namespace ErpConnectors.Sandbox.Hosting;

/// <summary>The body faults on the command line: cut-off bodies, HTML pages with 200, huge error bodies.</summary>
internal sealed partial class CommandLine
{
    /// <summary>--cut-rate, --cut-after, --html-rate, --huge-error-rate and --huge-error-mb under a prefix ("--" or "--{system}-").</summary>
    private static OptionSpec[] BodyFaultSpecs(string group, string prefix, string requests, Func<ParseState, BodyFaultOverrides> target)
    {
        string Default(string option, string global) => prefix == "--" ? global : $"default: --{option}";
        return
        [
            new(group, prefix + "cut-rate", "<p>", $"Probability 0..1 that the body of an answer to any {requests} is cut off, the connection aborted ({Default("cut-rate", "default 0")})", (s, n, v) => target(s).CutOffRate = Probability(n, v)),
            new(group, prefix + "cut-after", "<bytes>", $"Bytes of the body sent before such a cut ({Default("cut-after", Inv($"default {FaultOptions.DefaultCutAfterBytes}"))})", (s, n, v) => target(s).CutAfterBytes = Int(n, v, 1, int.MaxValue)),
            new(group, prefix + "html-rate", "<p>", $"Probability 0..1 that any {requests} is answered 200 with an HTML sign-in page, as a proxy does ({Default("html-rate", "default 0")})", (s, n, v) => target(s).HtmlRate = Probability(n, v)),
            new(group, prefix + "huge-error-rate", "<p>", $"Probability 0..1 that any {requests} is answered 500 with a huge body ({Default("huge-error-rate", "default 0")})", (s, n, v) => target(s).HugeErrorRate = Probability(n, v)),
            new(group, prefix + "huge-error-mb", "<n>", $"Size of that body in MB ({Default("huge-error-mb", Inv($"default {FaultOptions.DefaultHugeErrorBytes / (1024 * 1024)}"))})", (s, n, v) => target(s).HugeErrorMegabytes = Int(n, v, 1, 100_000)),
        ];
    }

    /// <summary>Body-fault settings as given: null = not on the command line.</summary>
    private sealed class BodyFaultOverrides
    {
        public double? CutOffRate { get; set; }

        public long? CutAfterBytes { get; set; }

        public double? HtmlRate { get; set; }

        public double? HugeErrorRate { get; set; }

        public int? HugeErrorMegabytes { get; set; }

        /// <summary>This system's own settings over the global ones, over the defaults.</summary>
        public BodyFaultSettings Resolve(BodyFaultOverrides global) => new(
            CutOffRate ?? global.CutOffRate ?? 0,
            CutAfterBytes ?? global.CutAfterBytes ?? 0,
            HtmlRate ?? global.HtmlRate ?? 0,
            HugeErrorRate ?? global.HugeErrorRate ?? 0,
            (HugeErrorMegabytes ?? global.HugeErrorMegabytes) is { } mb ? mb * 1024L * 1024 : 0);
    }
}

/// <summary>Body-fault rates and sizes for one system, as <see cref="FaultOptions"/> takes them (0: none, or the default size).</summary>
internal readonly record struct BodyFaultSettings(double CutOffRate, long CutAfterBytes, double HtmlRate, double HugeErrorRate, long HugeErrorBytes)
{
    public void ApplyTo(FaultOptions faults)
    {
        faults.CutOffRate = CutOffRate;
        faults.CutAfterBytes = CutAfterBytes == 0 ? FaultOptions.DefaultCutAfterBytes : CutAfterBytes;
        faults.HtmlRate = HtmlRate;
        faults.HugeErrorRate = HugeErrorRate;
        faults.HugeErrorBytes = HugeErrorBytes == 0 ? FaultOptions.DefaultHugeErrorBytes : HugeErrorBytes;
    }
}
