using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace ErpConnectors.Sandbox;

/// <summary>
/// How to run the sandbox here: the copy beside the module (sandbox/ErpConnectors.Sandbox.dll, run by the dotnet
/// host), else the erp-sandbox .NET tool, else a path the user names. The sandbox is a .NET 10 ASP.NET Core
/// program, a separate process, so it runs the same under Windows PowerShell 5.1 and PowerShell 7 as long as
/// that runtime is installed; where it is not, <see cref="SandboxNotRunnableException"/> says what to install.
/// </summary>
internal sealed class SandboxCommand
{
    public const string DllName = "ErpConnectors.Sandbox.dll";
    public const string ToolName = "erp-sandbox";
    public const int RequiredMajor = 10;

    private SandboxCommand(string fileName, IReadOnlyList<string> leadingArguments, string description)
    {
        FileName = fileName;
        LeadingArguments = leadingArguments;
        Description = description;
    }

    public string FileName { get; }

    /// <summary>The dll, when the host runs it.</summary>
    public IReadOnlyList<string> LeadingArguments { get; }

    /// <summary>What is run, for the user: "dotnet /…/sandbox/ErpConnectors.Sandbox.dll".</summary>
    public string Description { get; }

    internal static string InstallHint =>
        "Install the ASP.NET Core Runtime " + RequiredMajor + " or later (https://dotnet.microsoft.com/download/dotnet/" + RequiredMajor + ".0; "
        + (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? "winget install Microsoft.DotNet.AspNetCore." + RequiredMajor
            : "e.g. sudo apt-get install aspnetcore-runtime-" + RequiredMajor + ".0")
        + "). The sandbox is a separate process: Windows PowerShell 5.1 can start it too, once that runtime is installed.";

    /// <summary>Finds the sandbox; throws <see cref="SandboxNotRunnableException"/> saying what was looked for and what to install.</summary>
    public static SandboxCommand Locate(string? path, string moduleRoot)
    {
        if (path is not null)
        {
            string full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                full = Path.Combine(full, DllName);
            }

            if (!File.Exists(full))
            {
                throw new SandboxNotRunnableException($"No sandbox at '{full}': -Path takes {DllName} (or the folder it is in) or an erp-sandbox executable.", full, notFound: true);
            }

            return full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? Hosted(full) : new SandboxCommand(full, Array.Empty<string>(), full);
        }

        string beside = Path.Combine(Path.Combine(moduleRoot, "sandbox"), DllName);
        if (File.Exists(beside))
        {
            return Hosted(beside);
        }

        string? tool = FindTool();
        if (tool is not null)
        {
            return new SandboxCommand(tool, Array.Empty<string>(), tool);
        }

        throw new SandboxNotRunnableException(
            $"No sandbox found: neither {beside} (the module's own copy) nor the {ToolName} command (on PATH or in ~/.dotnet/tools). " +
            $"Install the tool: dotnet tool install --global ErpConnectors.Sandbox --add-source <the folder holding its .nupkg, e.g. the artifacts folder of ./build.ps1 Package>, or name it with -Path.",
            beside,
            notFound: true);
    }

    /// <summary>The arguments as one command line (netstandard2.0 has no ArgumentList), quoted the way the C runtime splits them.</summary>
    public static string Quote(IEnumerable<string> arguments) => string.Join(" ", arguments.Select(QuoteOne));

    private static SandboxCommand Hosted(string dll)
    {
        string host = FindDotnet() ?? throw new SandboxNotRunnableException(
            $"The sandbox ({dll}) runs on .NET, and no dotnet command was found (PATH, DOTNET_ROOT). {InstallHint}", dll, notFound: false);
        CheckRuntime(host);
        return new SandboxCommand(host, new[] { dll }, $"{host} {dll}");
    }

    /// <summary>Fails unless `dotnet --list-runtimes` lists Microsoft.AspNetCore.App of the required major version or later.</summary>
    internal static void CheckRuntime(string host)
    {
        string listed;
        try
        {
            using var process = Process.Start(new ProcessStartInfo(host, "--list-runtimes")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            })!;
            listed = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SandboxNotRunnableException($"{host} could not be run ({e.Message}). {InstallHint}", host, notFound: false);
        }

        var aspNet = Regex.Matches(listed, @"^Microsoft\.AspNetCore\.App (\d+)\.\S+", RegexOptions.Multiline).Cast<Match>().ToList();
        if (!aspNet.Any(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= RequiredMajor))
        {
            string found = aspNet.Count == 0 ? "no ASP.NET Core runtime" : "only " + string.Join(", ", aspNet.Select(m => m.Value));
            throw new SandboxNotRunnableException($"The sandbox needs the ASP.NET Core runtime {RequiredMajor} or later; {host} has {found}. {InstallHint}", host, notFound: false);
        }
    }

    private static string? FindDotnet()
    {
        string exe = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        foreach (string variable in new[] { "DOTNET_ROOT", "DOTNET_ROOT_X64" })
        {
            string? root = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, exe)))
            {
                return Path.Combine(root, exe);
            }
        }

        return OnPath(exe);
    }

    private static string? FindTool()
    {
        string exe = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ToolName + ".exe" : ToolName;
        string? onPath = OnPath(exe);
        if (onPath is not null)
        {
            return onPath;
        }

        // dotnet tool install --global puts it here, which a CI shell often lacks on PATH.
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string global = Path.Combine(Path.Combine(Path.Combine(home, ".dotnet"), "tools"), exe);
        return File.Exists(global) ? global : null;
    }

    private static string? OnPath(string exe)
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (folder.Length == 0)
            {
                continue;
            }

            try
            {
                string candidate = Path.Combine(folder.Trim('"'), exe);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
            catch (ArgumentException)
            {
                // A PATH entry with characters a path cannot hold: not where the command is.
            }
        }

        return null;
    }

    private static string QuoteOne(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"', '\n' }) < 0)
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        int backslashes = 0;
        foreach (char c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
            backslashes = 0;
            quoted.Append(c);
        }

        quoted.Append('\\', backslashes * 2).Append('"');
        return quoted.ToString();
    }
}

/// <summary>The sandbox cannot run here: not found, or no runtime for it. The message says what to install.</summary>
internal sealed class SandboxNotRunnableException : Exception
{
    public SandboxNotRunnableException(string message, string target, bool notFound)
        : base(message)
    {
        Target = target;
        NotFound = notFound;
    }

    public string Target { get; }

    public bool NotFound { get; }
}
