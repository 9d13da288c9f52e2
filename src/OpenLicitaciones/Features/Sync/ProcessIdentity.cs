using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Sync;

/// <summary>
/// A process as a lease records it: machine, process id, and when that process started (boot id and start time in
/// clock ticks since boot, from /proc), so a process id the system has since given to another process is not
/// mistaken for the holder. <see cref="Start"/> is null where /proc cannot be read; then only expiry frees a lease.
/// </summary>
public sealed record ProcessIdentity(string Machine, int ProcessId, string? Start)
{
    private static readonly string BootId = ReadBootId();

    public static ProcessIdentity Current { get; } = new(Environment.MachineName, Environment.ProcessId, StartOf(Environment.ProcessId));

    /// <summary>Why the lease's holder is judged dead, or null while it may still be working.</summary>
    public static string? WhyDead(SyncLease lease, DateTime now, ProcessIdentity here, Func<int, string?> startOf)
    {
        if (here.Start is not null && lease.Machine == here.Machine && lease.ProcessStart is not null)
        {
            var start = startOf(lease.ProcessId);
            if (start is null) return $"el proceso {lease.ProcessId} ya no existe en {lease.Machine}";
            if (start != lease.ProcessStart) return $"el número de proceso {lease.ProcessId} es ahora de otro proceso en {lease.Machine}";
        }
        return lease.ExpiresAt <= now
            ? $"sin latido desde {lease.HeartbeatAt:yyyy-MM-dd'T'HH:mm:ss'Z'}; el turno venció a las {lease.ExpiresAt:yyyy-MM-dd'T'HH:mm:ss'Z'}"
            : null;
    }

    /// <summary>The start of a running process on this machine, or null when there is none.</summary>
    public static string? StartOf(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // Fields after the command name, which is in parentheses and may itself contain spaces: state is field 3, start time 22.
            var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // A zombie has exited; only its parent has not collected it yet.
            return fields.Length < 20 || fields[0] is "Z" or "X" ? null : $"{BootId}/{fields[19]}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string ReadBootId()
    {
        try { return File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }
}
