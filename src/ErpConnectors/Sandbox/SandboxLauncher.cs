using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

namespace ErpConnectors.Sandbox;

/// <summary>
/// Starts a sandbox process and waits until it answers: its banner's first line gives the root URI (a free port
/// when asked for port 0), then the control endpoint lists the systems. The process is told to end with this one
/// (--exit-with), so even a killed PowerShell leaves none behind.
/// </summary>
internal static class SandboxLauncher
{
    private static readonly Regex BannerLine = new(@"^ErpConnectors sandbox on (http://127\.0\.0\.1:\d+/):", RegexOptions.CultureInvariant);

    public static ErpSandbox Start(SandboxCommand command, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var all = new List<string>(command.LeadingArguments);
        all.AddRange(arguments);
        all.Add("--exit-with");
        all.Add(Process.GetCurrentProcess().Id.ToString(CultureInfo.InvariantCulture));
        var info = new ProcessStartInfo(command.FileName, SandboxCommand.Quote(all))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            CreateNoWindow = true,
        };

        var banner = new StringBuilder();
        var errors = new Queue<string>();
        Uri? root = null;
        // Not disposed: the output handlers below run for as long as the sandbox prints, after this method returns.
        var ready = new ManualResetEventSlim();
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.Set(); // the output ended: the process is going
                return;
            }

            lock (banner)
            {
                if (root is not null && ready.IsSet)
                {
                    return; // still drained, so a full pipe never blocks the sandbox
                }

                banner.AppendLine(e.Data);
                if (root is null && BannerLine.Match(e.Data) is { Success: true } match)
                {
                    root = new Uri(match.Groups[1].Value);
                }
                else if (root is not null && e.Data.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
                {
                    ready.Set();
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (errors)
            {
                errors.Enqueue(e.Data);
                while (errors.Count > 40)
                {
                    errors.Dequeue();
                }
            }
        };
        process.Exited += (_, _) => ready.Set();

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new SandboxNotRunnableException($"{command.Description} could not be started: {e.Message}. {SandboxCommand.InstallHint}", command.FileName, notFound: false);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (!ready.Wait(timeout, cancellationToken))
            {
                throw new TimeoutException($"{command.Description} printed no banner within {timeout.TotalSeconds:0} s. What it said: {Said(banner, errors)}");
            }

            Uri? started;
            lock (banner)
            {
                started = root;
            }

            if (started is null || process.HasExited)
            {
                process.WaitForExit();
                string hint = Said(banner, errors);
                throw new SandboxStartException(
                    $"{command.Description} ended (exit code {process.ExitCode}) before it answered: {hint}" +
                    (Regex.IsMatch(hint, "framework|runtime|hostfxr|Microsoft\\.AspNetCore", RegexOptions.IgnoreCase) ? " " + SandboxCommand.InstallHint : string.Empty));
            }

            var systems = SandboxControlClient.StatusAsync(started, cancellationToken).GetAwaiter().GetResult();
            return new ErpSandbox(process, started, command.Description, banner.ToString(), systems);
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Ends the process (its state is all in memory: nothing to save) and waits for it.</summary>
    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting as we asked: nothing left to end.
        }
    }

    private static string Said(StringBuilder banner, Queue<string> errors)
    {
        string output;
        lock (banner)
        {
            output = banner.ToString().Trim();
        }

        string error;
        lock (errors)
        {
            error = string.Join(Environment.NewLine, errors.ToArray()).Trim();
        }

        string both = string.Join(Environment.NewLine, new[] { error, output }.Where(s => s.Length > 0));
        return both.Length == 0 ? "nothing" : both;
    }
}

internal sealed class SandboxStartException : Exception
{
    public SandboxStartException(string message)
        : base(message)
    {
    }
}
