using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ErpConnectors.Core.Auth;

/// <summary>
/// Opens a URL in the user's browser the way command-line tools do: the shell on Windows; on Linux and macOS the
/// commands in $BROWSER first (colon-separated, "%s" replaced by the URL, else the URL appended), then xdg-open
/// or open. Returns what it ran, or null when nothing could start (the caller then shows the URL).
/// </summary>
internal static class BrowserLauncher
{
    public static string? Open(Uri url)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return TryStart(new ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true }) ? "the default browser" : null;
        }

        foreach (string command in Commands(Environment.GetEnvironmentVariable("BROWSER")))
        {
            if (TryStart(StartInfo(command, url.AbsoluteUri)))
            {
                return command;
            }
        }

        string opener = RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "open" : "xdg-open";
        return TryStart(StartInfo(opener, url.AbsoluteUri)) ? opener : null;
    }

    internal static IEnumerable<string> Commands(string? browserVariable) =>
        string.IsNullOrWhiteSpace(browserVariable) ? Array.Empty<string>() : browserVariable!.Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>"firefox", "firefox --new-window %s", "/usr/bin/w3m": the program, then its arguments with the URL.</summary>
    internal static ProcessStartInfo StartInfo(string command, string url)
    {
        var words = new List<string>(command.Trim().Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries));
        bool placed = false;
        for (int i = 1; i < words.Count; i++)
        {
            if (words[i].Contains("%s"))
            {
                words[i] = words[i].Replace("%s", url);
                placed = true;
            }
        }

        if (!placed)
        {
            words.Add(url);
        }

        var info = new ProcessStartInfo(words[0]) { UseShellExecute = false };
        info.Arguments = string.Join(" ", words.GetRange(1, words.Count - 1).ConvertAll(Quote));
        return info;
    }

    private static string Quote(string argument) =>
        argument.IndexOfAny(new[] { ' ', '"', '\'', '&', ';' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";

    private static bool TryStart(ProcessStartInfo info)
    {
        try
        {
            using Process? process = Process.Start(info); // disposing the handle leaves the browser running
            return process is not null;
        }
        catch (Exception ex) when (ex is Win32Exception || ex is InvalidOperationException || ex is System.IO.FileNotFoundException)
        {
            return false;
        }
    }
}
