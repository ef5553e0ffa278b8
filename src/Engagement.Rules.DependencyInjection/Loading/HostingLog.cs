using Microsoft.Extensions.Logging;

namespace Engagement.Rules.DependencyInjection;

/// <summary>Rule loading and reloading log messages (source-generated). Event ids 2000-2099; see docs/embedding.md.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 2000, EventName = "RulesLoaded", Level = LogLevel.Information,
        Message = "Loaded {RuleCount} engagement rules (generation {Generation}, rule set {RuleSetFingerprint})")]
    public static partial void RulesLoaded(ILogger logger, int ruleCount, int generation, string? ruleSetFingerprint);

    [LoggerMessage(EventId = 2001, EventName = "RuleWarning", Level = LogLevel.Warning,
        Message = "Rule warning: {Diagnostic}")]
    public static partial void RuleWarning(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 2002, EventName = "ReloadRejected", Level = LogLevel.Error,
        Message = "The changed rules do not load; keeping generation {Generation} (rule set {RuleSetFingerprint}). {ErrorCount} error(s):\n{Errors}")]
    public static partial void ReloadRejected(ILogger logger, int generation, string? ruleSetFingerprint, int errorCount, string errors);

    [LoggerMessage(EventId = 2003, EventName = "ReloadFailed", Level = LogLevel.Error,
        Message = "Reloading the rules failed unexpectedly; keeping generation {Generation}")]
    public static partial void ReloadFailed(ILogger logger, int generation, System.Exception exception);

    [LoggerMessage(EventId = 2004, EventName = "WatchingRules", Level = LogLevel.Information,
        Message = "Watching {Path} for rule changes")]
    public static partial void WatchingRules(ILogger logger, string path);

    [LoggerMessage(EventId = 2005, EventName = "ReloadedHandlerFailed", Level = LogLevel.Error,
        Message = "A Reloaded event handler threw; the reloaded rules (generation {Generation}) are in service")]
    public static partial void ReloadedHandlerFailed(ILogger logger, int generation, System.Exception exception);
}
