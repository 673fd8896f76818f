using ErpConnectors.Sandbox;

namespace ErpConnectors.Tests;

/// <summary>How Start-ErpSandbox decides the sandbox can run here, and says what to install when it cannot.</summary>
public sealed class SandboxCommandTests
{
    [Fact]
    public void A_dotnet_without_the_ASP_NET_Core_runtime_is_refused_with_what_to_install()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the fake host below is a shell script
        }

        using var host = FakeHost("Microsoft.NETCore.App 10.0.1 [/usr/share/dotnet/shared/Microsoft.NETCore.App]", "Microsoft.AspNetCore.App 8.0.11 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]");

        var error = Assert.Throws<SandboxNotRunnableException>(() => SandboxCommand.CheckRuntime(host.Path));

        Assert.Contains("ASP.NET Core runtime 10 or later", error.Message, StringComparison.Ordinal);
        Assert.Contains("only Microsoft.AspNetCore.App 8.0.11", error.Message, StringComparison.Ordinal);
        Assert.Contains("Install the ASP.NET Core Runtime 10", error.Message, StringComparison.Ordinal);
        Assert.Contains("Windows PowerShell 5.1", error.Message, StringComparison.Ordinal);
        Assert.Equal(host.Path, error.Target);
    }

    [Fact]
    public void A_dotnet_with_ASP_NET_Core_10_or_later_is_accepted()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var host = FakeHost("Microsoft.AspNetCore.App 11.0.0 [/x]", "Microsoft.NETCore.App 11.0.0 [/x]");

        SandboxCommand.CheckRuntime(host.Path);
    }

    [Fact]
    public void A_path_without_a_sandbox_is_refused_naming_it()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-sandbox-" + Guid.NewGuid().ToString("N"), "ErpConnectors.Sandbox.dll");

        var error = Assert.Throws<SandboxNotRunnableException>(() => SandboxCommand.Locate(missing, Path.GetTempPath()));

        Assert.True(error.NotFound);
        Assert.Equal(missing, error.Target);
    }

    [Theory]
    [InlineData(new[] { "--port", "0" }, "--port 0")]
    [InlineData(new[] { "/a b/ErpConnectors.Sandbox.dll", "--x" }, "\"/a b/ErpConnectors.Sandbox.dll\" --x")]
    [InlineData(new[] { "say \"hi\"", "" }, "\"say \\\"hi\\\"\" \"\"")]
    [InlineData(new[] { @"C:\dir with space\" }, "\"C:\\dir with space\\\\\"")]
    public void Arguments_are_quoted_as_the_C_runtime_splits_them(string[] arguments, string expected) =>
        Assert.Equal(expected, SandboxCommand.Quote(arguments));

    private static TempHost FakeHost(params string[] runtimes)
    {
        string folder = Path.Combine(Path.GetTempPath(), "fake-dotnet-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "dotnet");
        File.WriteAllText(path, "#!/bin/sh\n" + string.Concat(runtimes.Select(r => $"echo '{r}'\n")));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new TempHost(path);
    }

    private sealed record TempHost(string Path) : IDisposable
    {
        public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
    }
}
