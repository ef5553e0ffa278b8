using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>
/// The implied consent grant a chosen channel relies on and the (UTC) date it lapses (valid on the days before),
/// worked out once by the consent step and checked again at the final due instant (<see cref="ConsentLapsePolicy"/>).
/// </summary>
internal readonly record struct LapsingConsent(ConsentRecord Record, LocalDate LapsesOn);
