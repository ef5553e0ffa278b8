namespace Engagement.Rules.Yaml.Expressions.Functions;

/// <summary>
/// Meteorological seasons of the northern hemisphere, as returned by <c>season(date)</c>: winter is
/// December-February, spring March-May, summer June-August, autumn September-November.
/// </summary>
internal enum Season
{
    Winter = 0,
    Spring = 1,
    Summer = 2,
    Autumn = 3,
}
