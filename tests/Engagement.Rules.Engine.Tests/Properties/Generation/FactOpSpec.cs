namespace Engagement.Rules.Engine.Tests.Properties.Generation;

/// <summary>One operation of a generated fact stream.</summary>
/// <param name="Kind">
/// 0 insert, 1 update, 2 retract (update and retract of an empty memory insert instead), 3 insert a batch of 2 to 5
/// facts in one <see cref="ISession.InsertAll"/> (the first as for an insert, the others of the next types, with
/// X and Y shifted).
/// </param>
/// <param name="Type">The type of an inserted fact: 0 Alpha, 1 Beta, 2 Gamma.</param>
/// <param name="X">X of an inserted fact, or the new value of an updated int field.</param>
/// <param name="Y">Y of an inserted fact.</param>
/// <param name="S">S of an inserted fact (index into "a", "b", "c"), or the new value of an updated S.</param>
/// <param name="Target">The fact updated or retracted, modulo how many are in memory; for a batch, its size less 2 (modulo 4).</param>
/// <param name="Field">The field updated: 0 X, 1 Y, 2 S.</param>
/// <param name="UseOtherVersion">Retract an identity fact through another version of it rather than the one inserted.</param>
public sealed record FactOpSpec(int Kind, int Type, int X, int Y, int S, int Target, int Field, bool UseOtherVersion);
