using System;
using System.Threading;
using System.Threading.Tasks;

namespace Engagement.Rules.Yaml.Tests.Support;

/// <summary>Counts the calls of a callback and lets a test wait, bounded, for the next one.</summary>
internal sealed class CallbackRecorder : IDisposable
{
    /// <summary>How long a test waits for a call that must come (generous: a loaded CI machine is slow).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>How long a test waits to see that no call comes: a wrong call would come well within it.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(500);

    private readonly SemaphoreSlim _calls = new(0);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Call()
    {
        Interlocked.Increment(ref _count);
        _calls.Release();
    }

    /// <summary>Whether a call (not yet waited for) comes within <see cref="Patience"/>.</summary>
    public Task<bool> NextAsync() => _calls.WaitAsync(Patience);

    /// <summary>Whether a call (not yet waited for) comes within <see cref="Silence"/>; tests expect false.</summary>
    public Task<bool> AnyWithinSilenceAsync() => _calls.WaitAsync(Silence);

    public void Dispose() => _calls.Dispose();
}
