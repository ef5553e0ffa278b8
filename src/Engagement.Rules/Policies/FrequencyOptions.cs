using System.Collections.Generic;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Policies;

/// <summary>Settings of the frequency-cap and cooldown policy.</summary>
public sealed record FrequencyOptions
{
    /// <summary>Caps per class across all rules. Default: at most 2 marketing touches per rolling 7 days.</summary>
    public IReadOnlyList<FrequencyCap> Caps { get; init => field = Snapshot.List(value); } = [new FrequencyCap(TouchClass.Marketing, 2, Duration.FromDays(7))];

    /// <summary>The minimum time between two touches on the same topic (and vehicle). Default 30 days.</summary>
    public Duration TopicCooldown { get; init; } = Duration.FromDays(30);

    /// <summary>Cooldowns per topic that replace <see cref="TopicCooldown"/>.</summary>
    /// <remarks>The topics are not checked (rules make them at run time): a mistyped topic keeps the default cooldown.</remarks>
    public IReadOnlyDictionary<string, Duration> TopicCooldowns { get; init => field = Snapshot.Map(value); } = new Dictionary<string, Duration>();

    /// <summary>The classes cooldowns do not apply to. Default none: a recall notice is not repeated daily either.</summary>
    public IReadOnlyList<TouchClass> CooldownExemptClasses { get; init => field = Snapshot.List(value); } = [];
}
