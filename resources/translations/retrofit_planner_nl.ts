<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Retrofit Planner</source>
        <translation>Over Retrofit Planner</translation>
    </message>
    <message>
        <source>&lt;b&gt;Retrofit Planner&lt;/b&gt; %1&lt;br&gt;&lt;br&gt;Plan the energy retrofit of social-rent homes: the programme against the agreed targets, tenant support (the 70 % rule), affordability and the CO2 path to 2050.</source>
        <translation>&lt;b&gt;Retrofit Planner&lt;/b&gt; %1&lt;br&gt;&lt;br&gt;Plan de verduurzaming van sociale huurwoningen: het programma tegenover de afgesproken doelen, het draagvlak onder huurders (de 70%-regel), de betaalbaarheid en het CO2-pad naar 2050.</translation>
    </message>
    <message>
        <source>Retrofit Planner works without the internet: it checks for no updates and sends nothing anywhere. Only a team workspace connects, to the PostgreSQL server you name.</source>
        <translation>Retrofit Planner werkt zonder internet: het zoekt niet naar updates en stuurt niets weg. Alleen een teamwerkruimte maakt verbinding, met de PostgreSQL-server die u opgeeft.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <source>Copy these facts, to send to support</source>
        <translation>Deze gegevens kopiëren, om naar de ondersteuning te sturen</translation>
    </message>
    <message>
        <source>made by the database server&apos;s administrator (team workspace)</source>
        <translation>gemaakt door de beheerder van de databaseserver (teamwerkruimte)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>This workspace</source>
        <translation>Deze werkruimte</translation>
    </message>
    <message>
        <source>%1 (schema %2)</source>
        <translation>%1 (schema %2)</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Gegevensmap</translation>
    </message>
    <message>
        <source>%1 (the sample workspace and the log; your own workspaces are where you save them)</source>
        <translation>%1 (de voorbeeldwerkruimte en het logboek; uw eigen werkruimten staan waar u ze opslaat)</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Reservekopieën</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Logboek</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>Draait op</translation>
    </message>
</context>
<context>
    <name>AddPlanDialog</name>
    <message>
        <source>Add a heat plan</source>
        <translation>Warmteplan toevoegen</translation>
    </message>
    <message>
        <source>e.g. 2032; empty: unknown</source>
        <translation>bijv. 2032; leeg: onbekend</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Wijk</translation>
    </message>
    <message>
        <source>Heat solution</source>
        <translation>Warmteoplossing</translation>
    </message>
    <message>
        <source>Available from</source>
        <translation>Beschikbaar vanaf</translation>
    </message>
</context>
<context>
    <name>AffordabilityPage</name>
    <message>
        <source>affordable</source>
        <translation>betaalbaar</translation>
    </message>
    <message>
        <source>affordable, flagged</source>
        <translation>betaalbaar, met signaal</translation>
    </message>
    <message>
        <source>not affordable</source>
        <translation>niet betaalbaar</translation>
    </message>
    <message>
        <source>Affordability: rent increase against energy saving</source>
        <translation>Betaalbaarheid: huurverhoging tegenover energiebesparing</translation>
    </message>
    <message>
        <source>Tariffs and rent limits…</source>
        <translation>Tarieven en huurgrenzen…</translation>
    </message>
    <message>
        <source>Edit the tariffs and rent limits these figures use</source>
        <translation>De tarieven en huurgrenzen bewerken waarmee deze cijfers rekenen</translation>
    </message>
    <message>
        <source>3K: the rent increase for energy measures may not exceed the drop in energy costs at the tariffs of that year — per project and per corporation and year (dwelling-weighted). 3L: tenants see total housing costs (rent + energy).</source>
        <translation>3K: de huurverhoging voor energiemaatregelen mag niet hoger zijn dan de daling van de energiekosten tegen de tarieven van dat jaar — per project en per corporatie en jaar (gewogen naar woningen). 3L: huurders zien de totale woonlasten (huur + energie).</translation>
    </message>
    <message>
        <source>Corporation:</source>
        <translation>Corporatie:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Jaar:</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>Grafiek exporteren…</translation>
    </message>
    <message>
        <source>Save the chart as PNG or SVG</source>
        <translation>De grafiek opslaan als PNG of SVG</translation>
    </message>
    <message>
        <source>Rent increase against energy saving per project</source>
        <translation>Huurverhoging tegenover besparing per project</translation>
    </message>
    <message>
        <source>Energy saving (€ per dwelling per month)</source>
        <translation>Energiebesparing (€ per woning per maand)</translation>
    </message>
    <message>
        <source>Rent increase (€ per dwelling per month)</source>
        <translation>Huurverhoging (€ per woning per maand)</translation>
    </message>
    <message>
        <source>Points above the diagonal break rule 3K: the rent increase exceeds the energy saving.</source>
        <translation>Punten boven de diagonaal voldoen niet aan regel 3K: de huurverhoging is hoger dan de energiebesparing.</translation>
    </message>
    <message>
        <source>3K limit: increase = saving</source>
        <translation>Grens 3K: verhoging = besparing</translation>
    </message>
    <message>
        <source>Per corporation and year (dwelling-weighted averages)</source>
        <translation>Per corporatie en jaar (gemiddelden gewogen naar woningen)</translation>
    </message>
    <message>
        <source>Corporation</source>
        <translation>Corporatie</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Pro-
jecten</translation>
    </message>
    <message>
        <source>Dwel-
lings</source>
        <translation>Wonin-
gen</translation>
    </message>
    <message>
        <source>Rent
increase</source>
        <translation>Huur-
verhoging</translation>
    </message>
    <message>
        <source>Dwelling-weighted average per month</source>
        <translation>Gemiddelde per maand, gewogen naar woningen</translation>
    </message>
    <message>
        <source>Energy
saving</source>
        <translation>Energie-
besparing</translation>
    </message>
    <message>
        <source>3K</source>
        <translation>3K</translation>
    </message>
    <message>
        <source>Average rent increase ≤ average energy saving (whole cents)</source>
        <translation>Gemiddelde huurverhoging ≤ gemiddelde energiebesparing (hele centen)</translation>
    </message>
    <message>
        <source>Per project: monthly amounts per dwelling; housing costs = average net rent + energy at the complex&apos;s average use</source>
        <translation>Per project: maandbedragen per woning; woonlasten = gemiddelde kale huur + energie bij het gemiddelde verbruik van het complex</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>(gas m³ × gas tariff + kWh × electricity tariff) / 12</source>
        <translation>(m³ gas × gastarief + kWh × stroomtarief) / 12</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <source>Energy saving minus rent increase</source>
        <translation>Energiebesparing min huurverhoging</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Oordeel</translation>
    </message>
    <message>
        <source>Housing
costs before</source>
        <translation>Woonlasten
voor</translation>
    </message>
    <message>
        <source>Rent + energy per month before the measures</source>
        <translation>Huur + energie per maand vóór de maatregelen</translation>
    </message>
    <message>
        <source>Housing
costs after</source>
        <translation>Woonlasten
na</translation>
    </message>
    <message>
        <source>Rent + energy per month after the measures</source>
        <translation>Huur + energie per maand na de maatregelen</translation>
    </message>
    <message>
        <source>Housing
costs change</source>
        <translation>Verschil
woonlasten</translation>
    </message>
    <message>
        <source>Rent limits
(flags)</source>
        <translation>Huurgrenzen
(signalen)</translation>
    </message>
    <message>
        <source>Limits
of</source>
        <translation>Grenzen
van</translation>
    </message>
    <message>
        <source>The year whose aftoppingsgrenzen and liberalisatiegrens the project is checked against: its own year, else the nearest earlier year with limits</source>
        <translation>Het jaar waarvan de aftoppingsgrenzen en liberalisatiegrens gelden voor het project: het eigen jaar, anders het dichtstbijzijnde eerdere jaar met grenzen</translation>
    </message>
    <message>
        <source>Tariffs
€/m³ / €/kWh</source>
        <translation>Tarieven
€/m³ / €/kWh</translation>
    </message>
    <message>
        <source>Tariffs used; (year) = borrowed from that year by the fallback rule; * = built-in estimate</source>
        <translation>Gebruikte tarieven; (jaar) = via de terugvalregel overgenomen van dat jaar; * = ingebouwde schatting</translation>
    </message>
    <message>
        <source>met</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s): %2 not affordable, %3 flagged</source>
        <translation>
            <numerusform>%n project: %2 niet betaalbaar, %3 met signaal</numerusform>
            <numerusform>%n projecten: %2 niet betaalbaar, %3 met signaal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n project(s) not affordable on their own</source>
        <translation>
            <numerusform>%1 van %n project op zichzelf niet betaalbaar</numerusform>
            <numerusform>%1 van %n projecten op zichzelf niet betaalbaar</numerusform>
        </translation>
    </message>
    <message>
        <source>Tariffs: the built-in defaults are in force (the workspace has no tariffs).</source>
        <translation>Tarieven: de ingebouwde standaardwaarden gelden (de werkruimte heeft geen tarieven).</translation>
    </message>
    <message>
        <source>* marks a 2020–2021 default, an estimate: the supply part is not verified.</source>
        <translation>* markeert een standaardwaarde voor 2020–2021, een schatting: het leveringsdeel is niet geverifieerd.</translation>
    </message>
    <message>
        <source>Tariffs: the workspace&apos;s tariffs per year; a year without a row takes the nearest earlier year, else the nearest later one.</source>
        <translation>Tarieven: de tarieven van de werkruimte per jaar; een jaar zonder regel neemt het dichtstbijzijnde eerdere jaar, anders het dichtstbijzijnde latere.</translation>
    </message>
    <message>
        <source>Edit them under Tariffs and factors.</source>
        <translation>Wijzig ze onder Tarieven en factoren.</translation>
    </message>
    <message>
        <source>Rent after the increase %1 (rent limits of %2)</source>
        <translation>Huur na de verhoging %1 (huurgrenzen van %2)</translation>
    </message>
    <message>
        <source>Gas %1 €/m³, electricity %2 €/kWh, tariffs of %3</source>
        <translation>Gas %1 €/m³, elektriciteit %2 €/kWh, tarieven van %3</translation>
    </message>
    <message>
        <source>(built-in estimate)</source>
        <translation>(ingebouwde schatting)</translation>
    </message>
    <message>
        <source>Saves %1 m³ gas and %2 kWh per dwelling per year</source>
        <translation>Bespaart %1 m³ gas en %2 kWh per woning per jaar</translation>
    </message>
    <message>
        <source>saving %1, rent increase %2</source>
        <translation>besparing %1, huurverhoging %2</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Grafiek exporteren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-afbeelding (*.png);;SVG-tekening (*.svg)</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message numerus="yes">
        <source>Edit %n dwelling(s)</source>
        <translation>
            <numerusform>%n woning bewerken</numerusform>
            <numerusform>%n woningen bewerken</numerusform>
        </translation>
    </message>
    <message>
        <source>The value is set on every selected dwelling; Ctrl+Z undoes it for all of them at once.</source>
        <translation>De waarde wordt op elke geselecteerde woning gezet; Ctrl+Z maakt het voor allemaal tegelijk ongedaan.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nieuwe waarde</translation>
    </message>
</context>
<context>
    <name>CapacityDialog</name>
    <message>
        <source>Capacity and budget</source>
        <translation>Capaciteit en budget</translation>
    </message>
    <message>
        <source>Homes the contractors can handle and the money available in a year. The matrix marks a year over either in amber.</source>
        <translation>Het aantal woningen dat de aannemers in een jaar aankunnen en het beschikbare geld. De matrix kleurt een jaar dat een van beide overschrijdt oranje.</translation>
    </message>
    <message>
        <source>Corporation</source>
        <translation>Corporatie</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>geen grens</translation>
    </message>
    <message>
        <source>Homes at most</source>
        <translation>Maximaal woningen</translation>
    </message>
    <message>
        <source>Budget (€)</source>
        <translation>Budget (€)</translation>
    </message>
</context>
<context>
    <name>CatalogueTable</name>
    <message>
        <source>Measures catalogue</source>
        <translation>Catalogus van maatregelen</translation>
    </message>
    <message>
        <source>Default effects and cost per dwelling, used to propose a project&apos;s savings (the project&apos;s own numbers count). Amber: unverified estimate. A changed measure is kept in this workspace; &apos;Reset&apos; brings back the built-in values.</source>
        <translation>Standaardeffecten en -kosten per woning, gebruikt om de besparing van een project voor te stellen (de eigen getallen van het project tellen). Oranje: niet-geverifieerde schatting. Een gewijzigde maatregel wordt in deze werkruimte bewaard; &apos;Herstellen&apos; haalt de ingebouwde waarden terug.</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Maatregel</translation>
    </message>
    <message>
        <source>Gas
m³/yr</source>
        <translation>Gas
m³/jr</translation>
    </message>
    <message>
        <source>Gas saving per dwelling per year</source>
        <translation>Gasbesparing per woning per jaar</translation>
    </message>
    <message>
        <source>Electricity
kWh/yr</source>
        <translation>Stroom
kWh/jr</translation>
    </message>
    <message>
        <source>Electricity saving per dwelling per year (negative: uses more)</source>
        <translation>Stroombesparing per woning per jaar (negatief: verbruikt meer)</translation>
    </message>
    <message>
        <source>Cost per
dwelling</source>
        <translation>Kosten
per woning</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Wijzigen…</translation>
    </message>
    <message>
        <source>Add measure…</source>
        <translation>Maatregel toevoegen…</translation>
    </message>
    <message>
        <source>Reset to built-in</source>
        <translation>Herstellen</translation>
    </message>
    <message>
        <source>Forget this workspace&apos;s values for the measure</source>
        <translation>De waarden van deze werkruimte voor de maatregel vergeten</translation>
    </message>
    <message>
        <source>Delete measure</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>all gas use</source>
        <translation>al het gasverbruik</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Bron: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Set measure %1</source>
        <translation>Maatregel %1 instellen</translation>
    </message>
    <message>
        <source>Reset measure %1</source>
        <translation>Maatregel %1 terugzetten</translation>
    </message>
    <message>
        <source>Delete measure %1</source>
        <translation>Maatregel %1 verwijderen</translation>
    </message>
</context>
<context>
    <name>Co2Page</name>
    <message>
        <source>CO2 towards 2050</source>
        <translation>CO2 op weg naar 2050</translation>
    </message>
    <message>
        <source>Stock…</source>
        <translation>Bezit…</translation>
    </message>
    <message>
        <source>Add or change complexes and dwellings</source>
        <translation>Complexen en woningen toevoegen of wijzigen</translation>
    </message>
    <message>
        <source>Emission factors and tariffs…</source>
        <translation>Emissiefactoren en tarieven…</translation>
    </message>
    <message>
        <source>Edit the emission factors these figures use</source>
        <translation>De emissiefactoren bewerken waarmee deze cijfers rekenen</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Toon:</translation>
    </message>
    <message>
        <source>The whole stock, one corporation or one neighbourhood</source>
        <translation>Het hele bezit, één corporatie of één wijk</translation>
    </message>
    <message>
        <source>Base year:</source>
        <translation>Basisjaar:</translation>
    </message>
    <message>
        <source>The year the target path&apos;s reductions are measured from</source>
        <translation>Het jaar waarvanaf de reductie van het doelpad wordt gemeten</translation>
    </message>
    <message>
        <source>Emission factors:</source>
        <translation>Emissiefactoren:</translation>
    </message>
    <message>
        <source>Factors of the workspace</source>
        <translation>Factoren van de werkruimte</translation>
    </message>
    <message>
        <source>Scenario: cleaner grid</source>
        <translation>Scenario: schonere stroom</translation>
    </message>
    <message>
        <source>The cleaner-grid scenario lets the electricity factor fall linearly from 2025 to 0 in 2050 (gas unchanged). It is only shown, never stored.</source>
        <translation>In het scenario schonere stroom daalt de emissiefactor van elektriciteit lineair van 2025 tot 0 in 2050 (gas ongewijzigd). Het wordt alleen getoond, nooit opgeslagen.</translation>
    </message>
    <message>
        <source>Export charts…</source>
        <translation>Grafieken exporteren…</translation>
    </message>
    <message>
        <source>Write every chart as PNG and SVG to a folder</source>
        <translation>Alle grafieken als PNG en SVG naar een map schrijven</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Emissions and the target path</source>
        <translation>Uitstoot en het doelpad</translation>
    </message>
    <message>
        <source>Emissions (t CO2 per year)</source>
        <translation>Uitstoot (t CO2 per jaar)</translation>
    </message>
    <message>
        <source>Target path</source>
        <translation>Doelpad</translation>
    </message>
    <message>
        <source>Emissions with the plan</source>
        <translation>Uitstoot met het plan</translation>
    </message>
    <message>
        <source>Where the fall comes from</source>
        <translation>Waar de daling vandaan komt</translation>
    </message>
    <message>
        <source>Fall since the base year (t CO2 per year)</source>
        <translation>Daling sinds het basisjaar (t CO2 per jaar)</translation>
    </message>
    <message>
        <source>Retrofits</source>
        <translation>Verduurzaming</translation>
    </message>
    <message>
        <source>Cleaner grid</source>
        <translation>Schonere stroom</translation>
    </message>
    <message>
        <source>Fall the path asks for</source>
        <translation>Daling volgens het doelpad</translation>
    </message>
    <message>
        <source>Energy labels per year</source>
        <translation>Energielabels per jaar</translation>
    </message>
    <message>
        <source>Homes</source>
        <translation>Woningen</translation>
    </message>
    <message>
        <source>Gas-free homes</source>
        <translation>Aardgasvrije woningen</translation>
    </message>
    <message>
        <source>Gas-free homes (% of homes)</source>
        <translation>Aardgasvrij (% van de woningen)</translation>
    </message>
    <message>
        <source>Homes without natural gas</source>
        <translation>Woningen zonder aardgas</translation>
    </message>
    <message>
        <source>Whole stock</source>
        <translation>Hele bezit</translation>
    </message>
    <message>
        <source>Corporation: %1</source>
        <translation>Corporatie: %1</translation>
    </message>
    <message>
        <source>Neighbourhood: %1</source>
        <translation>Wijk: %1</translation>
    </message>
    <message>
        <source>gap %1 t</source>
        <translation>verschil %1 t</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>No homes in this selection yet: add complexes and dwellings on the &lt;a href=&quot;stock&quot;&gt;Stock&lt;/a&gt; page, or import a workbook.</source>
        <translation>Nog geen woningen in deze selectie: voeg complexen en woningen toe op de pagina &lt;a href=&quot;stock&quot;&gt;Bezit&lt;/a&gt;, of importeer een werkmap.</translation>
    </message>
    <message>
        <source>Propose route…</source>
        <translation>Route voorstellen…</translation>
    </message>
    <message>
        <source>An optimised year for each complex&apos;s end state</source>
        <translation>Een geoptimaliseerd jaar voor het eindbeeld van elk complex</translation>
    </message>
    <message>
        <source>the path to zero</source>
        <translation>het pad naar nul</translation>
    </message>
    <message>
        <source>the %1 path</source>
        <translation>het pad naar %1</translation>
    </message>
    <message>
        <source>%1 t CO2 above %2</source>
        <translation>%1 t CO2 boven %2</translation>
    </message>
    <message>
        <source>%1 t CO2 below %2</source>
        <translation>%1 t CO2 onder %2</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>op %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1: %2&lt;/b&gt; (plan %3 t, path %4 t)</source>
        <translation>&lt;b&gt;%1: %2&lt;/b&gt; (plan %3 t, doelpad %4 t)</translation>
    </message>
    <message>
        <source>by %1 %2 t (retrofits %3 t, cleaner grid %4 t)</source>
        <translation>tot %1 %2 t (verduurzaming %3 t, schonere stroom %4 t)</translation>
    </message>
    <message>
        <source>Fall since %1 (%2 t CO2): </source>
        <translation>Daling sinds %1 (%2 t CO2): </translation>
    </message>
    <message>
        <source>gas</source>
        <translation>gas</translation>
    </message>
    <message>
        <source>electricity</source>
        <translation>elektriciteit</translation>
    </message>
    <message>
        <source>%1 %2 %3 every year</source>
        <translation>%1 %2 %3 per jaar</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>Scenario &apos;cleaner grid&apos; (shown only, not stored)</source>
        <translation>Scenario &apos;schonere stroom&apos; (alleen getoond, niet opgeslagen)</translation>
    </message>
    <message>
        <source>Built-in defaults (the workspace has no emission factors)</source>
        <translation>Ingebouwde standaardwaarden (de werkruimte heeft geen emissiefactoren)</translation>
    </message>
    <message>
        <source>Factors of the workspace (a missing year takes the nearest earlier one)</source>
        <translation>Factoren van de werkruimte (een ontbrekend jaar neemt het dichtstbijzijnde eerdere)</translation>
    </message>
    <message>
        <source>Factors in force — %1: %2. Edit them on the Tariffs and factors page.</source>
        <translation>Geldende factoren — %1: %2. Wijzig ze op de pagina Tarieven en factoren.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Emissions: %2 t CO2&lt;br&gt;Target path: %3 t (%4)&lt;br&gt;Gap: %5 t</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Uitstoot: %2 t CO2&lt;br&gt;Doelpad: %3 t (%4)&lt;br&gt;Verschil: %5 t</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Fall since %2: %3 t CO2&lt;br&gt;from retrofits: %4 t&lt;br&gt;from a cleaner grid: %5 t&lt;br&gt;the path asks for: %6 t</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Daling sinds %2: %3 t CO2&lt;br&gt;door verduurzaming: %4 t&lt;br&gt;door schonere stroom: %5 t&lt;br&gt;volgens het doelpad: %6 t</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: homes per label</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: woningen per label</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 of %3 homes gas-free (%4)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 van %3 woningen aardgasvrij (%4)</translation>
    </message>
    <message>
        <source>Export charts to folder</source>
        <translation>Grafieken naar map exporteren</translation>
    </message>
    <message>
        <source>Could not write the charts: %1</source>
        <translation>De grafieken konden niet worden geschreven: %1</translation>
    </message>
    <message>
        <source>%1 files written to %2</source>
        <translation>%1 bestanden geschreven naar %2</translation>
    </message>
    <message>
        <source>Heat networks: %1 homes on district heating use %2 GJ a year, %3 t CO2 in %4 (at the network&apos;s own factor where the heat plan gives one).</source>
        <translation>Warmtenetten: %1 woningen op stadsverwarming gebruiken %2 GJ per jaar, %3 t CO2 in %4 (tegen de eigen factor van het net waar het warmteplan die geeft).</translation>
    </message>
    <message>
        <source>Heat networks: no homes are on district heating.</source>
        <translation>Warmtenetten: geen woningen op stadsverwarming.</translation>
    </message>
    <message>
        <source>The heat plan gives %1 homes a heat network (Heat plan page).</source>
        <translation>Het warmteplan geeft %1 woningen een warmtenet (pagina Warmteplan).</translation>
    </message>
</context>
<context>
    <name>Co2Versions</name>
    <message>
        <source>Draw a saved plan version&apos;s emissions beside the active plan&apos;s</source>
        <translation>Teken de uitstoot van een opgeslagen planversie naast die van het actieve plan</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>Vergelijk met:</translation>
    </message>
    <message>
        <source>no version</source>
        <translation>geen versie</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versie %1</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare plans</source>
        <translation>Plannen vergelijken</translation>
    </message>
    <message>
        <source>Plan A</source>
        <translation>Plan A</translation>
    </message>
    <message>
        <source>Plan B</source>
        <translation>Plan B</translation>
    </message>
    <message>
        <source>Complex</source>
        <translation>Complex</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Corporation</source>
        <translation>Corporatie</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Wijk</translation>
    </message>
    <message>
        <source>Homes</source>
        <translation>Woningen</translation>
    </message>
    <message>
        <source>Year A</source>
        <translation>Jaar A</translation>
    </message>
    <message>
        <source>Year B</source>
        <translation>Jaar B</translation>
    </message>
    <message>
        <source>Package A</source>
        <translation>Pakket A</translation>
    </message>
    <message>
        <source>Package B</source>
        <translation>Pakket B</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Verschil</translation>
    </message>
    <message>
        <source>Adopt this step</source>
        <translation>Deze stap overnemen</translation>
    </message>
    <message>
        <source>Copy the selected complexes&apos; projects of plan B into the active plan (one undo step). Projects agreed, in progress or done are never changed.</source>
        <translation>Neem de projecten van de gekozen complexen uit plan B over in het actieve plan (één stap ongedaan te maken). Projecten die akkoord, in uitvoering of gereed zijn, veranderen nooit.</translation>
    </message>
    <message>
        <source>Adopt the year…</source>
        <translation>Jaar overnemen…</translation>
    </message>
    <message>
        <source>Copy every project plan B completes in one year into the active plan</source>
        <translation>Neem alle projecten die plan B in één jaar oplevert over in het actieve plan</translation>
    </message>
    <message>
        <source>Complexes that differ</source>
        <translation>Complexen die verschillen</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Homes A</source>
        <translation>Woningen A</translation>
    </message>
    <message>
        <source>Homes B</source>
        <translation>Woningen B</translation>
    </message>
    <message>
        <source>Investment A</source>
        <translation>Investering A</translation>
    </message>
    <message>
        <source>Investment B</source>
        <translation>Investering B</translation>
    </message>
    <message>
        <source>CO2 A (t)</source>
        <translation>CO2 A (t)</translation>
    </message>
    <message>
        <source>CO2 B (t)</source>
        <translation>CO2 B (t)</translation>
    </message>
    <message>
        <source>Path (t)</source>
        <translation>Pad (t)</translation>
    </message>
    <message>
        <source>Per year</source>
        <translation>Per jaar</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Planned A</source>
        <translation>Gepland A</translation>
    </message>
    <message>
        <source>Planned B</source>
        <translation>Gepland B</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Doelen</translation>
    </message>
    <message>
        <source>Homes per neighbourhood</source>
        <translation>Woningen per wijk</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Neighbourhood (corporation)</source>
        <translation>Wijk (corporatie)</translation>
    </message>
    <message>
        <source>Homes A / B</source>
        <translation>Woningen A / B</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: investment %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: investering %2</translation>
    </message>
    <message>
        <source>targets met %1 of %2</source>
        <translation>doelen gehaald %1 van %2</translation>
    </message>
    <message>
        <source>%1: %2 t above the path</source>
        <translation>%1: %2 t boven het pad</translation>
    </message>
    <message>
        <source>%1: on the path</source>
        <translation>%1: op het pad</translation>
    </message>
    <message>
        <source>%1 complexes differ.</source>
        <translation>%1 complexen verschillen.</translation>
    </message>
    <message>
        <source>year %1</source>
        <translation>jaar %1</translation>
    </message>
    <message>
        <source>Adopt %1 from %2</source>
        <translation>%1 overnemen uit %2</translation>
    </message>
    <message>
        <source>Ctrl+Z undoes it.</source>
        <translation>Ctrl+Z maakt het ongedaan.</translation>
    </message>
    <message>
        <source>The active plan already follows this step.</source>
        <translation>Het actieve plan volgt deze stap al.</translation>
    </message>
    <message>
        <source>Adopt the year</source>
        <translation>Jaar overnemen</translation>
    </message>
    <message>
        <source>Year of plan B</source>
        <translation>Jaar van plan B</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to a team database</source>
        <translation>Verbinden met een teamdatabase</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Poort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Gebruiker:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>The password is used for this connection only and is never saved.</source>
        <translation>Het wachtwoord wordt alleen voor deze verbinding gebruikt en nooit opgeslagen.</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>Werkruimte kan niet worden geopend</translation>
    </message>
    <message>
        <source>Connected read-only: you can look at everything but change nothing.</source>
        <translation>Verbonden met alleen-lezenrechten: u kunt alles bekijken maar niets wijzigen.</translation>
    </message>
    <message>
        <source>Copy workspace to a file</source>
        <translation>Werkruimte naar een bestand kopiëren</translation>
    </message>
    <message>
        <source>%1 exists already; choose a new file.</source>
        <translation>%1 bestaat al; kies een nieuw bestand.</translation>
    </message>
    <message>
        <source>Copied to %1</source>
        <translation>Gekopieerd naar %1</translation>
    </message>
    <message>
        <source>Connect to a &amp;team database…</source>
        <translation>Verbinden met een &amp;teamdatabase…</translation>
    </message>
    <message>
        <source>&amp;Copy workspace to a file…</source>
        <translation>Werkruimte naar een bestand &amp;kopiëren…</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Edit</source>
        <translation>Wijzigen</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <source>&lt;b&gt;An unexpected error occurred.&lt;/b&gt;&lt;br&gt;Your data is safe: every change is saved in one transaction, and the last one either completed or was not saved at all. You can go on working. If it happens again, send the report below to support.</source>
        <translation>&lt;b&gt;Er is een onverwachte fout opgetreden.&lt;/b&gt;&lt;br&gt;Uw gegevens zijn veilig: elke wijziging wordt in één transactie opgeslagen, en de laatste is óf helemaal voltooid óf helemaal niet opgeslagen. U kunt gewoon verder werken. Gebeurt het opnieuw, stuur dan het rapport hieronder naar de helpdesk.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Rapport kopiëren</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>&amp;Import workbook…</source>
        <translation>Werkboek &amp;importeren…</translation>
    </message>
    <message>
        <source>Merge a programme workbook (.xlsx) into this workspace, after a preview</source>
        <translation>Een programmawerkboek (.xlsx) in deze werkruimte samenvoegen, na een voorbeeld</translation>
    </message>
    <message>
        <source>&amp;Export workspace…</source>
        <translation>Werkruimte &amp;exporteren…</translation>
    </message>
    <message>
        <source>Write the whole workspace as a programme workbook</source>
        <translation>De hele werkruimte als programmawerkboek wegschrijven</translation>
    </message>
    <message>
        <source>Export current &amp;view…</source>
        <translation>Huidige &amp;weergave exporteren…</translation>
    </message>
    <message>
        <source>Write what the current page shows as a programme workbook</source>
        <translation>Wat de huidige pagina toont als programmawerkboek wegschrijven</translation>
    </message>
    <message>
        <source>Export &amp;without personal data…</source>
        <translation>Exporteren &amp;zonder persoonsgegevens…</translation>
    </message>
    <message>
        <source>Export without names and free text: no addresses, no who recorded or changed what, no reasons or notes</source>
        <translation>Exporteren zonder namen en vrije tekst: geen adressen, niet wie wat vastlegde of wijzigde, geen redenen of opmerkingen</translation>
    </message>
    <message>
        <source>Save &amp;template…</source>
        <translation>&amp;Sjabloon opslaan…</translation>
    </message>
    <message>
        <source>An empty workbook with headers, dropdowns and instructions</source>
        <translation>Een leeg werkboek met kolomkoppen, keuzelijsten en instructies</translation>
    </message>
    <message>
        <source>The file cannot be read or written: %1</source>
        <translation>Het bestand kan niet worden gelezen of geschreven: %1</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Er ging iets mis: %1</translation>
    </message>
    <message>
        <source>Import workbook</source>
        <translation>Werkboek importeren</translation>
    </message>
    <message>
        <source>Reading and checking %1…</source>
        <translation>%1 lezen en controleren…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>Import geannuleerd; er is niets weggeschreven.</translation>
    </message>
    <message>
        <source>%1 holds nothing new: the workspace already has all of it. Nothing was written.</source>
        <translation>%1 bevat niets nieuws: de werkruimte heeft dit allemaal al. Er is niets weggeschreven.</translation>
    </message>
    <message>
        <source>Making a backup copy and importing %1…</source>
        <translation>Reservekopie maken en %1 importeren…</translation>
    </message>
    <message>
        <source>Imported %1: %2 rows added, %3 changed.</source>
        <translation>%1 geïmporteerd: %2 regels toegevoegd, %3 gewijzigd.</translation>
    </message>
    <message>
        <source>Backup copy made before the import: %1</source>
        <translation>Reservekopie gemaakt vóór de import: %1</translation>
    </message>
    <message>
        <source>The file name must end in .xlsx.</source>
        <translation>De bestandsnaam moet eindigen op .xlsx.</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wegschrijven…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export geannuleerd; er is geen bestand geschreven.</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Geschreven: %1</translation>
    </message>
    <message>
        <source>Export workspace</source>
        <translation>Werkruimte exporteren</translation>
    </message>
    <message>
        <source>Export without personal data</source>
        <translation>Exporteren zonder persoonsgegevens</translation>
    </message>
    <message>
        <source>Export current view</source>
        <translation>Huidige weergave exporteren</translation>
    </message>
    <message>
        <source>This page has nothing to export; use Export workspace.</source>
        <translation>Deze pagina heeft niets om te exporteren; gebruik Werkruimte exporteren.</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>Sjabloon opslaan</translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message numerus="yes">
        <source>%n tenant(s) to visit</source>
        <translation>
            <numerusform>%n huurder te bezoeken</numerusform>
            <numerusform>%n huurders te bezoeken</numerusform>
        </translation>
    </message>
    <message>
        <source>no form yet</source>
        <translation>nog geen formulier</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Woning</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Laatste antwoord</translation>
    </message>
    <message>
        <source>Form date</source>
        <translation>Datum formulier</translation>
    </message>
    <message>
        <source>Visited on</source>
        <translation>Bezocht op</translation>
    </message>
    <message>
        <source>Answer (ja / nee)</source>
        <translation>Antwoord (ja / nee)</translation>
    </message>
    <message>
        <source>printed on</source>
        <translation>afgedrukt op</translation>
    </message>
    <message>
        <source>No response counts as not agreeing: every tenant on this list lowers the support percentage until they answer.</source>
        <translation>Geen reactie telt als niet akkoord: elke huurder op deze lijst verlaagt het draagvlakpercentage tot hij of zij antwoordt.</translation>
    </message>
    <message>
        <source>Print follow-up list</source>
        <translation>Bezoeklijst afdrukken</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Nabezoek</translation>
    </message>
</context>
<context>
    <name>HeatPlanPage</name>
    <message>
        <source>Heat plan</source>
        <translation>Warmteplan</translation>
    </message>
    <message>
        <source>The municipality&apos;s heat plan per neighbourhood (heat transition vision): which heat solution replaces natural gas, and from which year. Projects that conflict with it are listed under Conflicts; the end state says where each complex should end up. Double-click a cell to change it; Edit → Undo takes a change back.</source>
        <translation>Het warmteplan van de gemeente per wijk (Transitievisie Warmte): welke warmteoplossing het aardgas vervangt, en vanaf welk jaar. Projecten die ermee strijden staan onder Conflicten; het eindbeeld zegt waar elk complex moet uitkomen. Dubbelklik op een cel om die te wijzigen; Bewerken → Ongedaan maken draait een wijziging terug.</translation>
    </message>
    <message>
        <source>Heat plan per neighbourhood</source>
        <translation>Warmteplan per wijk</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicten</translation>
    </message>
    <message>
        <source>End state per complex</source>
        <translation>Eindbeeld per complex</translation>
    </message>
    <message>
        <source>A neighbourhood without a plan (grey) counts as &apos;unknown&apos;. The network&apos;s CO2 factor is its own (from its heat label); empty: the year&apos;s factor of Tariffs and factors.</source>
        <translation>Een wijk zonder plan (grijs) telt als &apos;nog onbekend&apos;. De CO2-factor van het warmtenet is de eigen factor (van het warmte-etiket); leeg: de factor van het jaar uit Tarieven en factoren.</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Wijk</translation>
    </message>
    <message>
        <source>Heat solution</source>
        <translation>Warmteoplossing</translation>
    </message>
    <message>
        <source>Available from</source>
        <translation>Beschikbaar vanaf</translation>
    </message>
    <message>
        <source>Network kg CO2/GJ</source>
        <translation>Warmtenet kg CO2/GJ</translation>
    </message>
    <message>
        <source>The heat network&apos;s own emission factor (kg CO2 per GJ); empty: the year&apos;s factor</source>
        <translation>De eigen emissiefactor van het warmtenet (kg CO2 per GJ); leeg: de factor van het jaar</translation>
    </message>
    <message>
        <source>Complexes</source>
        <translation>Complexen</translation>
    </message>
    <message>
        <source>Dwellings</source>
        <translation>Woningen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Toevoegen…</translation>
    </message>
    <message>
        <source>Delete plan</source>
        <translation>Plan verwijderen</translation>
    </message>
    <message>
        <source>The neighbourhood is &apos;unknown&apos; again</source>
        <translation>De wijk is weer &apos;nog onbekend&apos;</translation>
    </message>
    <message>
        <source>No heat plan for this neighbourhood: unknown. Change a cell to give it one.</source>
        <translation>Geen warmteplan voor deze wijk: nog onbekend. Wijzig een cel om er een te maken.</translation>
    </message>
    <message>
        <source>Heat plan %1</source>
        <translation>Warmteplan %1</translation>
    </message>
    <message>
        <source>Delete heat plan %1</source>
        <translation>Warmteplan %1 verwijderen</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Complex</source>
        <translation>Complex</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Grey values are defaults: target label A, the neighbourhood&apos;s heat solution, a package from the measures catalogue (one insulation step per label step, then the heat solution&apos;s installation), its cost and the use after it. Change a cell to set your own value; empty the cell or use Reset to default to take the default again. Use per dwelling per year.</source>
        <translation>Grijze waarden zijn standaard: doellabel A, de warmteoplossing van de wijk, een pakket uit de maatregelencatalogus (één isolatiestap per labelstap, dan de installatie van de warmteoplossing), de kosten ervan en het verbruik daarna. Wijzig een cel voor een eigen waarde; maak de cel leeg of kies Standaard herstellen om de standaard terug te krijgen. Verbruik per woning per jaar.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>The complex&apos;s label now (most of its dwellings)</source>
        <translation>Het label van het complex nu (van de meeste woningen)</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>The year the neighbourhood&apos;s heat network is available: the package cannot be done earlier</source>
        <translation>Het jaar waarin het warmtenet van de wijk er is: eerder kan het pakket niet</translation>
    </message>
    <message>
        <source>Cost of the package per dwelling</source>
        <translation>Kosten van het pakket per woning</translation>
    </message>
    <message>
        <source>Gas m³</source>
        <translation>Gas m³</translation>
    </message>
    <message>
        <source>Gas use after the package, m³ per dwelling per year</source>
        <translation>Gasverbruik na het pakket, m³ per woning per jaar</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <source>Electricity use after the package, kWh per dwelling per year</source>
        <translation>Elektriciteitsverbruik na het pakket, kWh per woning per jaar</translation>
    </message>
    <message>
        <source>Heat GJ</source>
        <translation>Warmte GJ</translation>
    </message>
    <message>
        <source>Heat from a heat network after the package, GJ per dwelling per year</source>
        <translation>Warmte uit een warmtenet na het pakket, GJ per woning per jaar</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Pakket</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Vanaf</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(standaard)</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>Standaard herstellen</translation>
    </message>
    <message>
        <source>Drop every value of your own of the selected complexes</source>
        <translation>Alle eigen waarden van de gekozen complexen weghalen</translation>
    </message>
    <message>
        <source>Your own value; empty the cell for the default.</source>
        <translation>Eigen waarde; maak de cel leeg voor de standaard.</translation>
    </message>
    <message>
        <source>Default: label A.</source>
        <translation>Standaard: label A.</translation>
    </message>
    <message>
        <source>Default: the neighbourhood&apos;s heat plan.</source>
        <translation>Standaard: het warmteplan van de wijk.</translation>
    </message>
    <message>
        <source>Default: from the measures catalogue, by the label and the heat solution.</source>
        <translation>Standaard: uit de maatregelencatalogus, bij het label en de warmteoplossing.</translation>
    </message>
    <message>
        <source>Default: the catalogue&apos;s costs of the package.</source>
        <translation>Standaard: de kosten van het pakket volgens de catalogus.</translation>
    </message>
    <message>
        <source>Default: from the catalogue&apos;s savings of the package.</source>
        <translation>Standaard: uit de besparingen van het pakket volgens de catalogus.</translation>
    </message>
    <message>
        <source>End state %1</source>
        <translation>Eindbeeld %1</translation>
    </message>
    <message>
        <source>Reset end state %1</source>
        <translation>Eindbeeld %1 naar standaard</translation>
    </message>
    <message>
        <source>Ctrl+Z undoes it.</source>
        <translation>Ctrl+Z maakt het ongedaan.</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Conflicten (%1)</translation>
    </message>
    <message>
        <source>No project conflicts with the heat plan.</source>
        <translation>Geen project strijdt met het warmteplan.</translation>
    </message>
    <message>
        <source>Projects whose measures conflict with their neighbourhood&apos;s heat plan. Double-click a project to open it.</source>
        <translation>Projecten waarvan de maatregelen strijden met het warmteplan van hun wijk. Dubbelklik op een project om het te openen.</translation>
    </message>
    <message>
        <source>%1 of %2 complexes have values of their own.</source>
        <translation>%1 van %2 complexen hebben eigen waarden.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>(empty)</source>
        <translation>(leeg)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 fout</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 fouten</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 waarschuwing</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 waarschuwingen</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import preview</source>
        <translation>Voorbeeld van de import</translation>
    </message>
    <message>
        <source>Import %1 into %2?</source>
        <translation>%1 importeren in %2?</translation>
    </message>
    <message>
        <source>%1 rows added, %2 changed, %3 left as they are. Nothing is deleted.</source>
        <translation>%1 regels toegevoegd, %2 gewijzigd, %3 ongewijzigd. Er wordt niets verwijderd.</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Tabblad</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Toegevoegd</translation>
    </message>
    <message>
        <source>Rows with a new key: added to the workspace</source>
        <translation>Regels met een nieuwe sleutel: worden aan de werkruimte toegevoegd</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Gewijzigd</translation>
    </message>
    <message>
        <source>Known rows of which at least one field changes</source>
        <translation>Bekende regels waarvan ten minste één veld verandert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Ongewijzigd</translation>
    </message>
    <message>
        <source>Known rows that stay as they are</source>
        <translation>Bekende regels die blijven zoals ze zijn</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>The key of the changed row</source>
        <translation>De sleutel van de gewijzigde regel</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>After the import</source>
        <translation>Na de import</translation>
    </message>
    <message>
        <source>Changed fields (%1)</source>
        <translation>Gewijzigde velden (%1)</translation>
    </message>
    <message>
        <source>No row in the workspace changes; new rows are only added.</source>
        <translation>Geen enkele regel in de werkruimte verandert; er worden alleen nieuwe regels toegevoegd.</translation>
    </message>
    <message>
        <source>Warnings (%1): imported all the same</source>
        <translation>Waarschuwingen (%1): toch geïmporteerd</translation>
    </message>
    <message>
        <source>The import is one transaction: all of it is written, or nothing. A backup copy of the workspace is made first. An import cannot be undone with Undo (Ctrl+Z); to go back, restore the backup copy.</source>
        <translation>De import is één transactie: alles wordt weggeschreven, of niets. Eerst wordt een reservekopie van de werkruimte gemaakt. Een import kan niet met Ongedaan maken (Ctrl+Z) worden teruggedraaid; zet daarvoor de reservekopie terug.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <source>Per sheet</source>
        <translation>Per tabblad</translation>
    </message>
</context>
<context>
    <name>LetterActions</name>
    <message>
        <source>Letters to the tenants</source>
        <translation>Brieven aan de huurders</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the letters of %1…</source>
        <translation>De brieven van %1 worden geschreven…</translation>
    </message>
    <message>
        <source>Letters cancelled; no file was written.</source>
        <translation>Brieven geannuleerd; er is geen bestand geschreven.</translation>
    </message>
    <message>
        <source>Written: %1 (%2 letters, %3 pages)</source>
        <translation>Geschreven: %1 (%2 brieven, %3 pagina&apos;s)</translation>
    </message>
    <message>
        <source>Tenants of %1 notified</source>
        <translation>Huurders van %1 geïnformeerd</translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation>Het bestand kan niet worden geschreven: %1</translation>
    </message>
</context>
<context>
    <name>LettersDialog</name>
    <message>
        <source>Letters to the tenants</source>
        <translation>Brieven aan de huurders</translation>
    </message>
    <message>
        <source>One letter per let dwelling of project %1 (%2 letters; vacant dwellings get none), in one PDF to print.</source>
        <translation>Eén brief per verhuurde woning van project %1 (%2 brieven; leegstaande woningen krijgen er geen), in één pdf om af te drukken.</translation>
    </message>
    <message>
        <source>Offer before the vote, with reply slip</source>
        <translation>Aanbod vóór de stemming, met antwoordstrook</translation>
    </message>
    <message>
        <source>Notification that 70 % agreed (8 weeks to object)</source>
        <translation>Kennisgeving dat 70 % instemde (8 weken voor bezwaar)</translation>
    </message>
    <message>
        <source>Letter:</source>
        <translation>Brief:</translation>
    </message>
    <message>
        <source>Language of the letters:</source>
        <translation>Taal van de brieven:</translation>
    </message>
    <message>
        <source>Date of the letters:</source>
        <translation>Datum van de brieven:</translation>
    </message>
    <message>
        <source>Default: four weeks after the campaign started</source>
        <translation>Standaard: vier weken na de start van de campagne</translation>
    </message>
    <message>
        <source>Reply by:</source>
        <translation>Antwoord uiterlijk:</translation>
    </message>
    <message>
        <source>Record this date on the project as the written notification</source>
        <translation>Deze datum bij het project vastleggen als de schriftelijke kennisgeving</translation>
    </message>
    <message>
        <source>The 8 weeks to object run from the written notification</source>
        <translation>De 8 weken voor bezwaar lopen vanaf de schriftelijke kennisgeving</translation>
    </message>
    <message>
        <source>Edit texts…</source>
        <translation>Teksten bewerken…</translation>
    </message>
    <message>
        <source>Make letters…</source>
        <translation>Brieven maken…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Restore a &amp;backup…</source>
        <translation>Reservekopie &amp;terugzetten…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Reservekopie terugzetten</translation>
    </message>
    <message>
        <source>This workspace has no backup copies yet.</source>
        <translation>Deze werkruimte heeft nog geen reservekopieën.</translation>
    </message>
    <message>
        <source>Retrofit Planner workspace (*.rpw *.sqlite *.db);;All files (*)</source>
        <translation>Retrofit Planner-werkruimte (*.rpw *.sqlite *.db);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>&amp;Nieuwe werkruimte…</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>Werkruimte &amp;openen…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Recent geopend</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;fsluiten</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;uitvoeren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>Re&amp;load workspace</source>
        <translation>Werkruimte opnieuw &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Retrofit Planner</source>
        <translation>&amp;Over Retrofit Planner</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Sample data: this workspace holds illustrative Soest data (based on the performance agreements 2021–2022), not the corporations&apos; real records. Use File → New workspace to start your own.</source>
        <translation>Voorbeeldgegevens: deze werkruimte bevat illustratieve gegevens van Soest (op basis van de prestatieafspraken 2021–2022), niet de echte gegevens van de corporaties. Kies Bestand → Nieuwe werkruimte om zelf te beginnen.</translation>
    </message>
    <message>
        <source> · sample data</source>
        <translation> · voorbeeldgegevens</translation>
    </message>
    <message>
        <source>%1 · %2 complexes · %3 projects</source>
        <translation>%1 · %2 complexen · %3 projecten</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Nieuwe werkruimte</translation>
    </message>
    <message>
        <source>%1 exists already; open it instead.</source>
        <translation>%1 bestaat al; open dat bestand.</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Werkruimte openen</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>Werkruimte kan niet worden geopend</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wordt gelezen…</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>All corporations</source>
        <translation>Alle corporaties</translation>
    </message>
    <message>
        <source>(unknown complex)</source>
        <translation>(onbekend complex)</translation>
    </message>
    <message>
        <source>all years</source>
        <translation>alle jaren</translation>
    </message>
    <message>
        <source>%1, %2: %3 homes planned, %4 done</source>
        <translation>%1, %2: %3 woningen gepland, %4 gereed</translation>
    </message>
    <message>
        <source>Capacity: %1 homes</source>
        <translation>Capaciteit: %1 woningen</translation>
    </message>
    <message>
        <source>over by %1</source>
        <translation>%1 te veel</translation>
    </message>
    <message>
        <source>Budget: %1, investment %2</source>
        <translation>Budget: %1, investering %2</translation>
    </message>
    <message>
        <source>over budget</source>
        <translation>boven budget</translation>
    </message>
    <message>
        <source>Target %1: %2 homes, planned %3, done %4</source>
        <translation>Doel %1: %2 woningen, gepland %3, gereed %4</translation>
    </message>
    <message>
        <source>Drag to another year to move these projects.</source>
        <translation>Sleep naar een ander jaar om deze projecten te verplaatsen.</translation>
    </message>
    <message>
        <source>Corporation / neighbourhood</source>
        <translation>Corporatie / wijk</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source>Homes in projects that are not cancelled</source>
        <translation>Woningen in projecten die niet vervallen zijn</translation>
    </message>
    <message>
        <source>Homes in projects with status &apos;%1&apos;</source>
        <translation>Woningen in projecten met status &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Homes planned / of which done (status &apos;%1&apos;)</source>
        <translation>Woningen gepland / waarvan gereed (status &apos;%1&apos;)</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <source>Measure %1</source>
        <translation>Maatregel %1</translation>
    </message>
    <message>
        <source>Add measure</source>
        <translation>Maatregel toevoegen</translation>
    </message>
    <message>
        <source>Dutch name, as written in Maatregelen</source>
        <translation>Nederlandse naam, zoals geschreven in Maatregelen</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Maatregel</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>Engelse naam</translation>
    </message>
    <message>
        <source>Saves all gas use (gas-free)</source>
        <translation>Bespaart al het gasverbruik (aardgasvrij)</translation>
    </message>
    <message>
        <source>The dwelling no longer uses natural gas: the saving is its whole gas use</source>
        <translation>De woning gebruikt geen aardgas meer: de besparing is het hele gasverbruik</translation>
    </message>
    <message>
        <source>Negative: the measure uses more electricity</source>
        <translation>Negatief: de maatregel verbruikt meer stroom</translation>
    </message>
    <message>
        <source>e.g. own tender 2024</source>
        <translation>bijv. eigen aanbesteding 2024</translation>
    </message>
    <message>
        <source>Gas saving (m³ per dwelling per year)</source>
        <translation>Gasbesparing (m³ per woning per jaar)</translation>
    </message>
    <message>
        <source>Electricity saving (kWh per dwelling per year)</source>
        <translation>Stroombesparing (kWh per woning per jaar)</translation>
    </message>
    <message>
        <source>Cost (€ per dwelling)</source>
        <translation>Kosten (€ per woning)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
</context>
<context>
    <name>MeasuresPicker</name>
    <message>
        <source>Propose savings</source>
        <translation>Besparing voorstellen</translation>
    </message>
    <message>
        <source>Fill in the catalogue&apos;s default savings and cost for the checked measures; you can change them afterwards.</source>
        <translation>De standaardbesparing en -kosten uit de catalogus invullen voor de aangevinkte maatregelen; u kunt ze daarna aanpassen.</translation>
    </message>
    <message>
        <source>all gas use</source>
        <translation>al het gasverbruik</translation>
    </message>
    <message>
        <source>%1 m³</source>
        <translation>%1 m³</translation>
    </message>
    <message>
        <source>Saves %1 gas and %2 kWh electricity per year; about %3 per dwelling</source>
        <translation>Bespaart %1 gas en %2 kWh elektriciteit per jaar; ongeveer %3 per woning</translation>
    </message>
    <message>
        <source>Partly an unverified estimate.</source>
        <translation>Deels een niet-geverifieerde schatting.</translation>
    </message>
    <message>
        <source>Not in the catalogue (kept as written): %1</source>
        <translation>Niet in de catalogus (blijft zoals geschreven): %1</translation>
    </message>
    <message>
        <source>Proposed: %1 m³ gas, %2 kWh, %3 per dwelling</source>
        <translation>Voorgesteld: %1 m³ gas, %2 kWh, %3 per woning</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>falls short</source>
        <translation>tekort</translation>
    </message>
    <message>
        <source>meets target</source>
        <translation>gehaald</translation>
    </message>
    <message>
        <source>overshoots</source>
        <translation>boven doel</translation>
    </message>
    <message>
        <source>homes in the workspace</source>
        <translation>woningen in de werkruimte</translation>
    </message>
    <message>
        <source>complexes</source>
        <translation>complexen</translation>
    </message>
    <message>
        <source>homes in active projects (not cancelled)</source>
        <translation>woningen in lopende projecten (niet vervallen)</translation>
    </message>
    <message>
        <source>homes retrofitted (status done)</source>
        <translation>woningen verduurzaamd (status gereed)</translation>
    </message>
    <message>
        <source>tenant votes recorded</source>
        <translation>stemmen van huurders vastgelegd</translation>
    </message>
    <message>
        <source>Homes per corporation and neighbourhood</source>
        <translation>Woningen per corporatie en wijk</translation>
    </message>
    <message>
        <source>Corporation</source>
        <translation>Corporatie</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <source>Homes in projects in the period that are not cancelled</source>
        <translation>Woningen in projecten in de periode die niet vervallen zijn</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gereed</translation>
    </message>
    <message>
        <source>Homes in projects with status &apos;%1&apos;</source>
        <translation>Woningen in projecten met status &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Wijk</translation>
    </message>
    <message>
        <source>Complexes</source>
        <translation>Complexen</translation>
    </message>
    <message>
        <source>Homes</source>
        <translation>Woningen</translation>
    </message>
    <message>
        <source>Let</source>
        <translation>Verhuurd</translation>
    </message>
    <message>
        <source>Homes with a tenant (vacant homes have no vote)</source>
        <translation>Woningen met een huurder (leegstaande woningen hebben geen stem)</translation>
    </message>
    <message>
        <source>Agreed targets: planned and done</source>
        <translation>Afgesproken doelen: gepland en gereed</translation>
    </message>
    <message>
        <source>Done %</source>
        <translation>Gereed %</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message numerus="yes">
        <source>The plan falls short by %Ln home(s)</source>
        <translation>
            <numerusform>Het plan schiet %Ln woning tekort</numerusform>
            <numerusform>Het plan schiet %Ln woningen tekort</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The plan exceeds the target by %Ln home(s)</source>
        <translation>
            <numerusform>Het plan gaat %Ln woning boven het doel</numerusform>
            <numerusform>Het plan gaat %Ln woningen boven het doel</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan meets the target</source>
        <translation>Het plan haalt het doel</translation>
    </message>
    <message>
        <source>Overview — %1</source>
        <translation>Overzicht — %1</translation>
    </message>
    <message>
        <source>Add or change complexes and dwellings on the &lt;a href=&quot;stock&quot;&gt;Stock&lt;/a&gt; page.</source>
        <translation>Complexen en woningen toevoegen of wijzigen op de pagina &lt;a href=&quot;stock&quot;&gt;Bezit&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>No complexes yet: add them on the &lt;a href=&quot;stock&quot;&gt;Stock&lt;/a&gt; page, or import a workbook (File menu).</source>
        <translation>Nog geen complexen: voeg ze toe op de pagina &lt;a href=&quot;stock&quot;&gt;Bezit&lt;/a&gt;, of importeer een werkmap (menu Bestand).</translation>
    </message>
    <message>
        <source>No targets yet: add them on the &lt;a href=&quot;programme&quot;&gt;Programme&lt;/a&gt; page (Agreed targets…) or import a workbook with a Doelen sheet.</source>
        <translation>Nog geen doelen: voeg ze toe op de pagina &lt;a href=&quot;programme&quot;&gt;Programma&lt;/a&gt; (Afgesproken doelen…) of importeer een werkmap met een blad Doelen.</translation>
    </message>
    <message numerus="yes">
        <source>%n target period(s) not met by the plan (red).</source>
        <translation>
            <numerusform>%n doelperiode wordt met het plan niet gehaald (rood).</numerusform>
            <numerusform>%n doelperioden worden met het plan niet gehaald (rood).</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan meets every agreed target.</source>
        <translation>Het plan haalt alle afgesproken doelen.</translation>
    </message>
</context>
<context>
    <name>PageRefresh</name>
    <message>
        <source>Calculating…</source>
        <translation>Bezig met rekenen…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Voorkeuren</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Taal van het systeem</translation>
    </message>
    <message>
        <source>e.g. Anna de Vries</source>
        <translation>bijv. Anna de Vries</translation>
    </message>
    <message>
        <source>Older copies are removed when a new one is made; applies from the next time a workspace is opened</source>
        <translation>Oudere kopieën worden verwijderd wanneer er een nieuwe wordt gemaakt; geldt vanaf de volgende keer dat een werkruimte wordt geopend</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Uw &amp;naam:</translation>
    </message>
    <message>
        <source>&amp;Backup copies to keep:</source>
        <translation>&amp;Reservekopieën bewaren:</translation>
    </message>
    <message>
        <source>A new language takes effect when you start Retrofit Planner again.</source>
        <translation>Een andere taal wordt actief wanneer u Retrofit Planner opnieuw start.</translation>
    </message>
    <message>
        <source>Your name is recorded with every vote and status change.</source>
        <translation>Uw naam wordt vastgelegd bij elke stem en elke statuswijziging.</translation>
    </message>
    <message>
        <source>The new language takes effect after a restart.</source>
        <translation>De nieuwe taal wordt actief na een herstart.</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Voorkeuren…</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Import refused</source>
        <translation>Import geweigerd</translation>
    </message>
    <message>
        <source>%1 has %2. Nothing was imported: the workspace is unchanged.</source>
        <translation>%1 heeft %2. Er is niets geïmporteerd: de werkruimte is ongewijzigd.</translation>
    </message>
    <message>
        <source>Correct these cells in the workbook and import it again. Click a column header to sort; Copy (or Ctrl+C) copies the selected rows, or all, to paste in a spreadsheet or an e-mail.</source>
        <translation>Verbeter deze cellen in het werkboek en importeer het opnieuw. Klik op een kolomkop om te sorteren; Kopiëren (of Ctrl+C) kopieert de geselecteerde regels, of alle, om te plakken in een spreadsheet of een e-mail.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>ProblemsView</name>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Waarschuwing</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Tabblad</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>The row number as Excel shows it</source>
        <translation>Het regelnummer zoals Excel het toont</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>The column header</source>
        <translation>De kolomkop</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Ernst</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiëren</translation>
    </message>
    <message>
        <source>Copy the selected rows (all rows when none is selected) as tab-separated text</source>
        <translation>De geselecteerde regels (alle regels als er niets geselecteerd is) kopiëren als tekst met tabs</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Corporation</source>
        <translation>Corporatie</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Wijk</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filters wissen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Toon</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <source>Homes in projects not cancelled</source>
        <translation>Woningen in projecten die niet vervallen zijn</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gereed</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Planned / done side by side</source>
        <translation>Gepland / gereed naast elkaar</translation>
    </message>
    <message>
        <source>Capacity and budget…</source>
        <translation>Capaciteit en budget…</translation>
    </message>
    <message>
        <source>Homes the contractors can handle and the money available, per corporation and year</source>
        <translation>Het aantal woningen dat de aannemers aankunnen en het beschikbare geld, per corporatie en jaar</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>Nieuw project…</translation>
    </message>
    <message>
        <source>Agreed targets…</source>
        <translation>Afgesproken doelen…</translation>
    </message>
    <message>
        <source>Add or change the homes each corporation agreed to retrofit per period</source>
        <translation>Het aantal woningen dat elke corporatie per periode heeft toegezegd te verduurzamen toevoegen of wijzigen</translation>
    </message>
    <message>
        <source>Agreed targets: target, planned and done per period</source>
        <translation>Afgesproken doelen: doel, gepland en gereed per periode</translation>
    </message>
    <message>
        <source>Plan − target</source>
        <translation>Plan − doel</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Homes per year</source>
        <translation>Woningen per jaar</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alles tonen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Wijzigen…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Complex</source>
        <translation>Complex</translation>
    </message>
    <message>
        <source>Homes</source>
        <translation>Woningen</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Maatregelen</translation>
    </message>
    <message>
        <source>Label after</source>
        <translation>Label na</translation>
    </message>
    <message>
        <source>Gas saving m³</source>
        <translation>Gasbesparing m³</translation>
    </message>
    <message>
        <source>Per home per year</source>
        <translation>Per woning per jaar</translation>
    </message>
    <message>
        <source>Electricity saving kWh</source>
        <translation>Stroombesparing kWh</translation>
    </message>
    <message>
        <source>Rent increase</source>
        <translation>Huurverhoging</translation>
    </message>
    <message>
        <source>Per home per month</source>
        <translation>Per woning per maand</translation>
    </message>
    <message>
        <source>Investment per home</source>
        <translation>Investering per woning</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>Investering</translation>
    </message>
    <message>
        <source>Investment per home × homes</source>
        <translation>Investering per woning × woningen</translation>
    </message>
    <message>
        <source>Heat plan</source>
        <translation>Warmteplan</translation>
    </message>
    <message>
        <source>The neighbourhood&apos;s heat solution and the year it is available (Heat plan page); a warning sign: the project conflicts with it</source>
        <translation>De warmteoplossing van de wijk en het jaar waarin die er is (pagina Warmteplan); een waarschuwingsteken: het project strijdt ermee</translation>
    </message>
    <message>
        <source>Drag onto a year in the matrix to move the project; double-click to edit</source>
        <translation>Sleep naar een jaar in de matrix om het project te verplaatsen; dubbelklik om te wijzigen</translation>
    </message>
    <message>
        <source>Programme — %1</source>
        <translation>Programma — %1</translation>
    </message>
    <message>
        <source>All corporations</source>
        <translation>Alle corporaties</translation>
    </message>
    <message>
        <source>All neighbourhoods</source>
        <translation>Alle wijken</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Alle jaren</translation>
    </message>
    <message numerus="yes">
        <source>falls short by %Ln home(s)</source>
        <translation>
            <numerusform>schiet %Ln woning tekort</numerusform>
            <numerusform>schiet %Ln woningen tekort</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overshoots by %Ln home(s)</source>
        <translation>
            <numerusform>gaat %Ln woning erboven</numerusform>
            <numerusform>gaat %Ln woningen erboven</numerusform>
        </translation>
    </message>
    <message>
        <source>meets the target</source>
        <translation>haalt het doel</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projecten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln home(s) not cancelled</source>
        <translation>
            <numerusform>%Ln woning niet vervallen</numerusform>
            <numerusform>%Ln woningen niet vervallen</numerusform>
        </translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projecten</translation>
    </message>
    <message>
        <source>all corporations</source>
        <translation>alle corporaties</translation>
    </message>
    <message>
        <source>all years</source>
        <translation>alle jaren</translation>
    </message>
    <message>
        <source>Projects in %1, %2</source>
        <translation>Projecten in %1, %2</translation>
    </message>
    <message>
        <source>cells: homes planned / &lt;span style=&apos;color:%1&apos;&gt;done&lt;/span&gt;</source>
        <translation>cellen: woningen gepland / &lt;span style=&apos;color:%1&apos;&gt;gereed&lt;/span&gt;</translation>
    </message>
    <message>
        <source>cells: homes planned</source>
        <translation>cellen: woningen gepland</translation>
    </message>
    <message>
        <source>cells: homes done</source>
        <translation>cellen: woningen gereed</translation>
    </message>
    <message>
        <source>over capacity or budget</source>
        <translation>boven capaciteit of budget</translation>
    </message>
    <message>
        <source>drag a cell or project to another year to move it</source>
        <translation>sleep een cel of project naar een ander jaar om het te verplaatsen</translation>
    </message>
    <message>
        <source>Filtered: %1</source>
        <translation>Gefilterd: %1</translation>
    </message>
    <message>
        <source>The targets, the matrix and the project list show only what the filters let through; a target is agreed per corporation and period, so it shows whole.</source>
        <translation>De doelen, de matrix en de projectenlijst tonen alleen wat de filters doorlaten; een doel is per corporatie en periode afgesproken en wordt dus heel getoond.</translation>
    </message>
    <message>
        <source>%1 is in progress or done: its year records when the work happened. Move it to %2 anyway?</source>
        <translation>%1 is in uitvoering of gereed: het jaar legt vast wanneer het werk gebeurde. Toch naar %2 verplaatsen?</translation>
    </message>
    <message>
        <source>Not moved.</source>
        <translation>Niet verplaatst.</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>%1 naar %2 verplaatsen</translation>
    </message>
    <message numerus="yes">
        <source>Move %n project(s) to %2</source>
        <translation>
            <numerusform>%n project naar %2 verplaatsen</numerusform>
            <numerusform>%n projecten naar %2 verplaatsen</numerusform>
        </translation>
    </message>
    <message>
        <source>Ctrl+Z undoes it.</source>
        <translation>Ctrl+Z maakt het ongedaan.</translation>
    </message>
    <message>
        <source>Homes in projects with status &apos;%1&apos;</source>
        <translation>Woningen in projecten met status &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Move projects</source>
        <translation>Projecten verplaatsen</translation>
    </message>
    <message>
        <source>New project %1</source>
        <translation>Nieuw project %1</translation>
    </message>
    <message>
        <source>Edit project %1</source>
        <translation>Project %1 wijzigen</translation>
    </message>
    <message>
        <source>Delete project %1</source>
        <translation>Project %1 verwijderen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n project(s)</source>
        <translation>
            <numerusform>%n project verwijderen</numerusform>
            <numerusform>%n projecten verwijderen</numerusform>
        </translation>
    </message>
    <message>
        <source>Capacity %1 %2</source>
        <translation>Capaciteit %1 %2</translation>
    </message>
    <message>
        <source>Delete projects</source>
        <translation>Projecten verwijderen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n project(s)? Edit → Undo brings them back.</source>
        <translation>
            <numerusform>%n project verwijderen? Bewerken → Ongedaan maken zet het terug.</numerusform>
            <numerusform>%n projecten verwijderen? Bewerken → Ongedaan maken zet ze terug.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgrammeVersions</name>
    <message>
        <source>Versions</source>
        <translation>Versies</translation>
    </message>
    <message>
        <source>Save the programme as a version, compare versions, restore one</source>
        <translation>Het programma als versie opslaan, versies vergelijken, een versie terugzetten</translation>
    </message>
    <message>
        <source>Save as version…</source>
        <translation>Opslaan als versie…</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Vergelijken met…</translation>
    </message>
    <message>
        <source>Restore version…</source>
        <translation>Versie terugzetten…</translation>
    </message>
    <message>
        <source>Rename version…</source>
        <translation>Versie hernoemen…</translation>
    </message>
    <message>
        <source>Delete version…</source>
        <translation>Versie verwijderen…</translation>
    </message>
    <message>
        <source>Show a version&apos;s homes per year beside the active plan&apos;s</source>
        <translation>Toon de woningen per jaar van een versie naast die van het actieve plan</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Homes in the active plan / in the chosen version</source>
        <translation>Woningen in het actieve plan / in de gekozen versie</translation>
    </message>
    <message>
        <source>cells: homes in the active plan / &lt;span style=&apos;color:%1&apos;&gt;in version %2&lt;/span&gt;</source>
        <translation>cellen: woningen in het actieve plan / &lt;span style=&apos;color:%1&apos;&gt;in versie %2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Save version %1</source>
        <translation>Versie %1 opslaan</translation>
    </message>
    <message>
        <source>Restore version %1</source>
        <translation>Versie %1 terugzetten</translation>
    </message>
    <message>
        <source>Restore version</source>
        <translation>Versie terugzetten</translation>
    </message>
    <message>
        <source>Make %1 the active plan? Projects agreed, in progress or done stay as they are; Ctrl+Z undoes it.</source>
        <translation>%1 het actieve plan maken? Projecten die akkoord, in uitvoering of gereed zijn, blijven zoals ze zijn; Ctrl+Z maakt het ongedaan.</translation>
    </message>
    <message>
        <source>Rename version %1</source>
        <translation>Versie %1 hernoemen</translation>
    </message>
    <message>
        <source>Rename version</source>
        <translation>Versie hernoemen</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Nieuwe naam</translation>
    </message>
    <message>
        <source>Delete version %1</source>
        <translation>Versie %1 verwijderen</translation>
    </message>
    <message>
        <source>Delete version</source>
        <translation>Versie verwijderen</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>Nieuw project</translation>
    </message>
    <message>
        <source>Project %1</source>
        <translation>Project %1</translation>
    </message>
    <message>
        <source>e.g. P-27-002</source>
        <translation>bijv. P-27-002</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Complex</source>
        <translation>Complex</translation>
    </message>
    <message>
        <source>The project covers every home of the complex</source>
        <translation>Het project omvat alle woningen van het complex</translation>
    </message>
    <message>
        <source>Year of completion</source>
        <translation>Jaar van oplevering</translation>
    </message>
    <message>
        <source>Savings count from this year on</source>
        <translation>De besparing telt vanaf dit jaar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>From &apos;%1&apos; on, a project of 10 or more homes needs 70 % tenant support or a reason</source>
        <translation>Vanaf &apos;%1&apos; heeft een project van 10 of meer woningen 70 % draagvlak onder de huurders nodig, of een reden</translation>
    </message>
    <message>
        <source>e.g. dakisolatie; hr++ glas; zonnepanelen</source>
        <translation>bijv. dakisolatie; hr++ glas; zonnepanelen</translation>
    </message>
    <message>
        <source>Catalogue…</source>
        <translation>Catalogus…</translation>
    </message>
    <message>
        <source>Choose measures from the catalogue; it can propose the savings and the investment</source>
        <translation>Maatregelen kiezen uit de catalogus; die kan de besparing en de investering voorstellen</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Maatregelen</translation>
    </message>
    <message>
        <source>Separate measures with &apos;;&apos;</source>
        <translation>Scheid maatregelen met &apos;;&apos;</translation>
    </message>
    <message>
        <source>Energy label after</source>
        <translation>Energielabel na</translation>
    </message>
    <message>
        <source>EP2 after (kWh/m² per year)</source>
        <translation>EP2 na (kWh/m² per jaar)</translation>
    </message>
    <message>
        <source>The energy index after the retrofit; gives the label after</source>
        <translation>De energie-index na de renovatie; bepaalt het label na</translation>
    </message>
    <message>
        <source>Heat demand after (kWh/m² per year)</source>
        <translation>Warmtebehoefte na (kWh/m² per jaar)</translation>
    </message>
    <message>
        <source>Net heat demand after the measures, compared with the insulation standard</source>
        <translation>Netto warmtebehoefte na de maatregelen, vergeleken met de Standaard voor woningisolatie</translation>
    </message>
    <message>
        <source>Gas saving (m³ per home per year)</source>
        <translation>Gasbesparing (m³ per woning per jaar)</translation>
    </message>
    <message>
        <source>Electricity saving (kWh per home per year)</source>
        <translation>Stroombesparing (kWh per woning per jaar)</translation>
    </message>
    <message>
        <source>May be negative: a heat pump uses more electricity</source>
        <translation>Mag negatief zijn: een warmtepomp verbruikt meer stroom</translation>
    </message>
    <message>
        <source>Rent increase (€ per home per month)</source>
        <translation>Huurverhoging (€ per woning per maand)</translation>
    </message>
    <message>
        <source>Investment (€ per home)</source>
        <translation>Investering (€ per woning)</translation>
    </message>
    <message>
        <source>Measures from the catalogue</source>
        <translation>Maatregelen uit de catalogus</translation>
    </message>
    <message>
        <source>The project id cannot be changed</source>
        <translation>Het projectnummer kan niet worden gewijzigd</translation>
    </message>
    <message numerus="yes">
        <source>%Ln home(s)</source>
        <translation>
            <numerusform>%Ln woning</numerusform>
            <numerusform>%Ln woningen</numerusform>
        </translation>
    </message>
    <message>
        <source>Support not reached: give a reason or choose an earlier status.</source>
        <translation>Draagvlak niet bereikt: geef een reden of kies een eerdere status.</translation>
    </message>
</context>
<context>
    <name>ReadingDialog</name>
    <message>
        <source>Measured use</source>
        <translation>Gemeten verbruik</translation>
    </message>
    <message>
        <source>empty: the complex (average per dwelling)</source>
        <translation>leeg: het complex (gemiddelde per woning)</translation>
    </message>
    <message>
        <source>e.g. annual statement, smart meter</source>
        <translation>bijv. jaarafrekening, slimme meter</translation>
    </message>
    <message>
        <source>Complex</source>
        <translation>Complex</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Woning</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Gas m³</source>
        <translation>Gas m³</translation>
    </message>
    <message>
        <source>Electricity kWh</source>
        <translation>Elektriciteit kWh</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
</context>
<context>
    <name>RealisedPage</name>
    <message>
        <source>no figure</source>
        <translation>geen cijfer</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>niet nagekomen</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>nagekomen</translation>
    </message>
    <message>
        <source>gas %1</source>
        <translation>gas %1</translation>
    </message>
    <message>
        <source>electricity %1</source>
        <translation>elektriciteit %1</translation>
    </message>
    <message>
        <source>dwellings without both years: %1</source>
        <translation>woningen zonder beide jaren: %1</translation>
    </message>
    <message>
        <source>Saving realised: was the promise to tenants kept?</source>
        <translation>Gerealiseerde besparing: is de belofte aan de huurders nagekomen?</translation>
    </message>
    <message>
        <source>Per completed project: measured use the year before and the first full year after completion, per dwelling. Money per dwelling per month at the tariffs of the year after. The woonlastengarantie is broken when the rent increase exceeds the realised saving. Gas is corrected for the weather where degree days are given for both years.</source>
        <translation>Per opgeleverd project: het gemeten verbruik in het jaar vóór en het eerste volle jaar na oplevering, per woning. Bedragen per woning per maand tegen de tarieven van het jaar erna. De woonlastengarantie is niet nagekomen als de huurverhoging hoger is dan de gerealiseerde besparing. Gas wordt voor het weer gecorrigeerd als voor beide jaren graaddagen zijn opgegeven.</translation>
    </message>
    <message>
        <source>Per project</source>
        <translation>Per project</translation>
    </message>
    <message>
        <source>Readings and degree days</source>
        <translation>Metingen en graaddagen</translation>
    </message>
    <message>
        <source>Measures catalogue</source>
        <translation>Catalogus van maatregelen</translation>
    </message>
    <message>
        <source>Predicted against realised saving per project</source>
        <translation>Voorspelde tegenover gerealiseerde besparing per project</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>€ per dwelling per month</source>
        <translation>€ per woning per maand</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>voorspeld</translation>
    </message>
    <message>
        <source>realised</source>
        <translation>gerealiseerd</translation>
    </message>
    <message>
        <source>realised, below the rent increase</source>
        <translation>gerealiseerd, onder de huurverhoging</translation>
    </message>
    <message>
        <source>rent increase</source>
        <translation>huurverhoging</translation>
    </message>
    <message>
        <source>Years
before → after</source>
        <translation>Jaren
voor → na</translation>
    </message>
    <message>
        <source>Gas m³
before</source>
        <translation>Gas m³
voor</translation>
    </message>
    <message>
        <source>Gas m³
after</source>
        <translation>Gas m³
na</translation>
    </message>
    <message>
        <source>kWh
before</source>
        <translation>kWh
voor</translation>
    </message>
    <message>
        <source>kWh
after</source>
        <translation>kWh
na</translation>
    </message>
    <message>
        <source>Gas saving
predicted</source>
        <translation>Gasbesparing
voorspeld</translation>
    </message>
    <message>
        <source>Gas saving
realised</source>
        <translation>Gasbesparing
gerealiseerd</translation>
    </message>
    <message>
        <source>€ saving
predicted</source>
        <translation>€ besparing
voorspeld</translation>
    </message>
    <message>
        <source>€ saving
realised</source>
        <translation>€ besparing
gerealiseerd</translation>
    </message>
    <message>
        <source>Rent
increase</source>
        <translation>Huur-
verhoging</translation>
    </message>
    <message>
        <source>Housing
costs before</source>
        <translation>Woonlasten
voor</translation>
    </message>
    <message>
        <source>Housing
costs after</source>
        <translation>Woonlasten
na</translation>
    </message>
    <message>
        <source>Guarantee</source>
        <translation>Garantie</translation>
    </message>
    <message>
        <source>Tenants pay
more / month</source>
        <translation>Huurders betalen
meer / maand</translation>
    </message>
    <message>
        <source>Per dwelling per month: rent increase − realised saving</source>
        <translation>Per woning per maand: huurverhoging − gerealiseerde besparing</translation>
    </message>
    <message>
        <source>Missing
readings</source>
        <translation>Ontbrekende
metingen</translation>
    </message>
    <message>
        <source>Measured use per year (dwelling or complex)</source>
        <translation>Gemeten verbruik per jaar (woning of complex)</translation>
    </message>
    <message>
        <source>Complex</source>
        <translation>Complex</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Woning</translation>
    </message>
    <message>
        <source>(complex)</source>
        <translation>(complex)</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Gas m³</source>
        <translation>Gas m³</translation>
    </message>
    <message>
        <source>Electricity kWh</source>
        <translation>Elektriciteit kWh</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Add reading…</source>
        <translation>Meting toevoegen…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Corrigeren…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Degree days per year</source>
        <translation>Graaddagen per jaar</translation>
    </message>
    <message>
        <source>Degree days</source>
        <translation>Graaddagen</translation>
    </message>
    <message>
        <source>e.g. 2600</source>
        <translation>bijv. 2600</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Weather correction: gas × %1 ÷ the year&apos;s weighted degree days (base 18 °C).</source>
        <translation>Weercorrectie: gas × %1 ÷ de gewogen graaddagen van het jaar (basis 18 °C).</translation>
    </message>
    <message>
        <source>Realised against assumed gas saving per measure (average over the completed projects that used it; a project&apos;s realisation counts for each of its measures)</source>
        <translation>Gerealiseerde tegenover aangenomen gasbesparing per maatregel (gemiddelde over de opgeleverde projecten die hem gebruikten; de realisatie van een project telt voor elk van zijn maatregelen)</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Maatregel</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projecten</translation>
    </message>
    <message>
        <source>Assumed m³</source>
        <translation>Aangenomen m³</translation>
    </message>
    <message>
        <source>Realised share</source>
        <translation>Gerealiseerd deel</translation>
    </message>
    <message>
        <source>Realised m³</source>
        <translation>Gerealiseerd m³</translation>
    </message>
    <message>
        <source>Update the catalogue with the realised saving</source>
        <translation>Catalogus bijwerken met de gerealiseerde besparing</translation>
    </message>
    <message>
        <source>Sets the selected measure&apos;s gas saving to the realised figure (undoable)</source>
        <translation>Zet de gasbesparing van de gekozen maatregel op het gerealiseerde cijfer (ongedaan te maken)</translation>
    </message>
    <message>
        <source>%1 completed project(s); %2 with both years measured; guarantee broken for %3.</source>
        <translation>%1 opgeleverde project(en); %2 met beide jaren gemeten; garantie niet nagekomen bij %3.</translation>
    </message>
    <message>
        <source>Gas corrected for the weather: degree days %1 and %2</source>
        <translation>Gas gecorrigeerd voor het weer: graaddagen %1 en %2</translation>
    </message>
    <message>
        <source>Gas not corrected for the weather (degree days not given for both years)</source>
        <translation>Gas niet gecorrigeerd voor het weer (geen graaddagen voor beide jaren)</translation>
    </message>
    <message>
        <source>Measured use</source>
        <translation>Gemeten verbruik</translation>
    </message>
    <message>
        <source>Delete measured use</source>
        <translation>Gemeten verbruik verwijderen</translation>
    </message>
    <message>
        <source>Delete degree days</source>
        <translation>Graaddagen verwijderen</translation>
    </message>
    <message>
        <source>Catalogue from realised savings</source>
        <translation>Catalogus uit gerealiseerde besparingen</translation>
    </message>
    <message>
        <source>Choose a measure in the table first.</source>
        <translation>Kies eerst een maatregel in de tabel.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason needed</source>
        <translation>Reden nodig</translation>
    </message>
    <message>
        <source>e.g. court ruling of 12 March 2026, case number …</source>
        <translation>bijv. uitspraak rechter van 12 maart 2026, zaaknummer …</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Status wijzigen</translation>
    </message>
</context>
<context>
    <name>RentLimitTable</name>
    <message>
        <source>Rent limits per year (per month)</source>
        <translation>Huurgrenzen per jaar (per maand)</translation>
    </message>
    <message>
        <source>Aftoppingsgrens
1–2 persons</source>
        <translation>Aftoppingsgrens
1–2 personen</translation>
    </message>
    <message>
        <source>Aftoppingsgrens
3+ persons</source>
        <translation>Aftoppingsgrens
3+ personen</translation>
    </message>
    <message>
        <source>Liberalisatie-
grens</source>
        <translation>Liberalisatie-
grens</translation>
    </message>
    <message>
        <source>Built-in limits: Belastingdienst. A rent pushed above a limit of its year is flagged on the Affordability page; from %1 on, so is any rent increase for energy measures.</source>
        <translation>Ingebouwde grenzen: Belastingdienst. Een huur die boven een grens van dat jaar uitkomt, krijgt een signaal op de pagina Betaalbaarheid; vanaf %1 geldt dat ook voor elke huurverhoging voor energiemaatregelen.</translation>
    </message>
    <message>
        <source>Aftoppingsgrens 1–2 persons (€)</source>
        <translation>Aftoppingsgrens 1–2 personen (€)</translation>
    </message>
    <message>
        <source>Aftoppingsgrens 3+ persons (€)</source>
        <translation>Aftoppingsgrens 3+ personen (€)</translation>
    </message>
    <message>
        <source>Liberalisatiegrens (€)</source>
        <translation>Liberalisatiegrens (€)</translation>
    </message>
    <message>
        <source>Rent limits %1</source>
        <translation>Huurgrenzen %1</translation>
    </message>
    <message>
        <source>Add rent limits</source>
        <translation>Huurgrenzen toevoegen</translation>
    </message>
    <message>
        <source>Set rent limits %1</source>
        <translation>Huurgrenzen %1 instellen</translation>
    </message>
    <message>
        <source>Delete rent limits %1</source>
        <translation>Huurgrenzen %1 verwijderen</translation>
    </message>
    <message>
        <source>Copy default rent limits</source>
        <translation>Standaardhuurgrenzen kopiëren</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>&amp;Yearly report…</source>
        <translation>&amp;Jaarrapportage…</translation>
    </message>
    <message>
        <source>The monitoring report for the municipality for one year, as PDF or Excel</source>
        <translation>De monitoringsrapportage voor de gemeente over één jaar, als pdf of Excel</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>Pdf (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-werkmap (*.xlsx)</translation>
    </message>
    <message>
        <source>Yearly report</source>
        <translation>Jaarrapportage</translation>
    </message>
    <message>
        <source>Computing the figures of %1…</source>
        <translation>De cijfers van %1 berekenen…</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wegschrijven…</translation>
    </message>
    <message>
        <source>Report cancelled; no file was written.</source>
        <translation>Rapportage geannuleerd; er is geen bestand geschreven.</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Geschreven: %1</translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation>Het bestand kan niet worden geschreven: %1</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Yearly report</source>
        <translation>Jaarrapportage</translation>
    </message>
    <message>
        <source>The monitoring of the performance agreements for the municipality and the tenants&apos; organisations: homes planned and done against each agreed target, campaigns and their support, affordability, energy labels and CO2 against the path, with a summary in words.</source>
        <translation>De monitoring van de prestatieafspraken voor de gemeente en de huurdersorganisaties: geplande en gerede woningen tegen elke afspraak, stemcampagnes en hun draagvlak, betaalbaarheid, energielabels en CO2 tegen het doelpad, met een samenvatting in woorden.</translation>
    </message>
    <message>
        <source>The year reported on: the years of the plan in this workspace</source>
        <translation>Het jaar waarover gerapporteerd wordt: de jaren van het plan in deze werkruimte</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Jaar:</translation>
    </message>
    <message>
        <source>Language of the report:</source>
        <translation>Taal van de rapportage:</translation>
    </message>
    <message>
        <source>PDF, to print or send</source>
        <translation>Pdf, om te printen of te versturen</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx), one sheet per topic</source>
        <translation>Excel-werkmap (.xlsx), één tabblad per onderwerp</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Vorm:</translation>
    </message>
    <message>
        <source>Make report…</source>
        <translation>Rapportage maken…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Reservekopie terugzetten</translation>
    </message>
    <message>
        <source>Backup copies are made before every import and migration. Choose the copy to go back to; the current workspace is kept beside it.</source>
        <translation>Vóór elke import en migratie wordt een reservekopie gemaakt. Kies de kopie waarnaar u terug wilt; de huidige werkruimte wordt ernaast bewaard.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Terugzetten</translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <source>Propose route to 2050</source>
        <translation>Route naar 2050 voorstellen</translation>
    </message>
    <message>
        <source>A year from 2025 to 2050 for each remaining complex&apos;s end-state package, so that the agreed targets and the CO2 path (−49 % in 2030, 0 in 2050) are met where possible, within the capacity and budget per corporation and year and the heat plan. Projects agreed, in progress or done stay as they are. Computed as a mixed-integer programme (HiGHS).</source>
        <translation>Een jaar van 2025 tot 2050 voor het eindbeeldpakket van elk overig complex, zodat de prestatieafspraken en het CO2-pad (−49 % in 2030, 0 in 2050) waar mogelijk gehaald worden, binnen de capaciteit en het budget per corporatie en jaar en het warmteplan. Projecten die akkoord, in uitvoering of gereed zijn blijven zoals ze zijn. Berekend als geheeltallig lineair programma (HiGHS).</translation>
    </message>
    <message>
        <source>Objective:</source>
        <translation>Doel:</translation>
    </message>
    <message>
        <source>Least total cost</source>
        <translation>Laagste totale kosten</translation>
    </message>
    <message>
        <source>Least cumulative CO2</source>
        <translation>Minste cumulatieve CO2</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>Voorstellen</translation>
    </message>
    <message>
        <source>Capacity and budget per year</source>
        <translation>Capaciteit en budget per jaar</translation>
    </message>
    <message>
        <source>Corporation</source>
        <translation>Corporatie</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Max. homes</source>
        <translation>Max. woningen</translation>
    </message>
    <message>
        <source>Budget (€)</source>
        <translation>Budget (€)</translation>
    </message>
    <message>
        <source>Empty: no limit. Edits are saved at once (undo with Ctrl+Z).</source>
        <translation>Leeg: geen grens. Wijzigingen worden meteen opgeslagen (ongedaan maken met Ctrl+Z).</translation>
    </message>
    <message>
        <source>Not computed yet.</source>
        <translation>Nog niet berekend.</translation>
    </message>
    <message>
        <source>Homes fixed</source>
        <translation>Woningen vast</translation>
    </message>
    <message>
        <source>Homes proposed</source>
        <translation>Woningen voorstel</translation>
    </message>
    <message>
        <source>Cost proposed</source>
        <translation>Kosten voorstel</translation>
    </message>
    <message>
        <source>Emissions (t)</source>
        <translation>Uitstoot (t)</translation>
    </message>
    <message>
        <source>Path (t)</source>
        <translation>Pad (t)</translation>
    </message>
    <message>
        <source>Complex</source>
        <translation>Complex</translation>
    </message>
    <message>
        <source>Homes</source>
        <translation>Woningen</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Pakket</translation>
    </message>
    <message>
        <source>Per year</source>
        <translation>Per jaar</translation>
    </message>
    <message>
        <source>Per complex</source>
        <translation>Per complex</translation>
    </message>
    <message>
        <source>Save as plan version…</source>
        <translation>Opslaan als planversie…</translation>
    </message>
    <message>
        <source>Enter a whole number of 0 or more, or leave it empty.</source>
        <translation>Vul een geheel getal van 0 of meer in, of laat het leeg.</translation>
    </message>
    <message>
        <source>Capacity %1 %2</source>
        <translation>Capaciteit %1 %2</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Bezig met rekenen…</translation>
    </message>
    <message>
        <source>Propose route</source>
        <translation>Route voorstellen</translation>
    </message>
    <message>
        <source>Choosing a year for each complex…</source>
        <translation>Een jaar kiezen voor elk complex…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <source>optimal</source>
        <translation>optimaal</translation>
    </message>
    <message>
        <source>time limit reached</source>
        <translation>tijdgrens bereikt</translation>
    </message>
    <message>
        <source>no solution</source>
        <translation>geen oplossing</translation>
    </message>
    <message>
        <source>nothing to plan</source>
        <translation>niets te plannen</translation>
    </message>
    <message>
        <source>HiGHS: %1, gap %2, %3 s. %4 complexes scheduled, total cost %5.</source>
        <translation>HiGHS: %1, gat %2, %3 s. %4 complexen ingepland, totale kosten %5.</translation>
    </message>
    <message>
        <source>Path %1: met</source>
        <translation>Pad %1: gehaald</translation>
    </message>
    <message>
        <source>Path %1: not met, %2 t above</source>
        <translation>Pad %1: niet gehaald, %2 t erboven</translation>
    </message>
    <message>
        <source>Every agreed target is met.</source>
        <translation>Elke prestatieafspraak wordt gehaald.</translation>
    </message>
    <message>
        <source>%1 of %2 agreed targets not met.</source>
        <translation>%1 van %2 prestatieafspraken niet gehaald.</translation>
    </message>
    <message>
        <source>Save as plan version</source>
        <translation>Opslaan als planversie</translation>
    </message>
    <message>
        <source>Name of the plan version:</source>
        <translation>Naam van de planversie:</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Voorstel</translation>
    </message>
</context>
<context>
    <name>SaveVersionDialog</name>
    <message>
        <source>Save as version</source>
        <translation>Opslaan als versie</translation>
    </message>
    <message>
        <source>e.g. Bid 2027</source>
        <translation>bijv. Bod 2027</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>The version holds the projects as they are now; the active plan stays as it is.</source>
        <translation>De versie bewaart de projecten zoals ze nu zijn; het actieve plan blijft zoals het is.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>SharedFolder</name>
    <message>
        <source>%1 lies in a folder that %2 keeps in sync. A sync program can upload or replace the workspace while it is being written, and edits made on two computers are not merged: one of them is lost.</source>
        <translation>%1 staat in een map die %2 synchroniseert. Een synchronisatieprogramma kan de werkruimte uploaden of vervangen terwijl erin geschreven wordt, en wijzigingen op twee computers worden niet samengevoegd: een ervan gaat verloren.</translation>
    </message>
    <message>
        <source>%1 lies on a network share (%2). The workspace keeps its latest edits in a log beside the file, which does not work across computers on a network share: edits can be lost or the file damaged.</source>
        <translation>%1 staat op een netwerkschijf (%2). De werkruimte houdt haar laatste wijzigingen bij in een logbestand naast het bestand, en dat werkt niet tussen computers op een netwerkschijf: wijzigingen kunnen verloren gaan of het bestand kan beschadigd raken.</translation>
    </message>
    <message>
        <source>Work on a local copy in this computer&apos;s app folder instead? The original is not changed; copy the local file back when you are done.</source>
        <translation>Liever werken met een lokale kopie in de programmamap op deze computer? Het origineel blijft ongewijzigd; kopieer het lokale bestand terug als u klaar bent.</translation>
    </message>
    <message>
        <source>Workspace in a shared folder</source>
        <translation>Werkruimte in een gedeelde map</translation>
    </message>
    <message>
        <source>Work on a &amp;local copy</source>
        <translation>Werken met een &amp;lokale kopie</translation>
    </message>
    <message>
        <source>Open it &amp;here</source>
        <translation>&amp;Hier openen</translation>
    </message>
    <message>
        <source>Cannot make a local copy: %1</source>
        <translation>Kan geen lokale kopie maken: %1</translation>
    </message>
    <message>
        <source>You are working on a local copy:
%1</source>
        <translation>U werkt met een lokale kopie:
%1</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <source>Stock</source>
        <translation>Bezit</translation>
    </message>
    <message>
        <source>New complex…</source>
        <translation>Nieuw complex…</translation>
    </message>
    <message>
        <source>Edit complex…</source>
        <translation>Complex bewerken…</translation>
    </message>
    <message>
        <source>Delete complex</source>
        <translation>Complex verwijderen</translation>
    </message>
    <message>
        <source>Search: complex, name or address</source>
        <translation>Zoeken: complex, naam of adres</translation>
    </message>
    <message>
        <source>Finds a complex by its id, its name or the address of one of its dwellings</source>
        <translation>Vindt een complex op nummer, naam of het adres van een van zijn woningen</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>Alle labels</translation>
    </message>
    <message>
        <source>All heating</source>
        <translation>Alle verwarming</translation>
    </message>
    <message>
        <source>Complex</source>
        <translation>Complex</translation>
    </message>
    <message>
        <source>Corporation</source>
        <translation>Corporatie</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Wijk</translation>
    </message>
    <message>
        <source>Name / address</source>
        <translation>Naam / adres</translation>
    </message>
    <message>
        <source>Built</source>
        <translation>Bouwjaar</translation>
    </message>
    <message>
        <source>Homes</source>
        <translation>Woningen</translation>
    </message>
    <message>
        <source>Let</source>
        <translation>Verhuurd</translation>
    </message>
    <message>
        <source>Homes with a tenant (a vacant home has no vote)</source>
        <translation>Woningen met een huurder (een leegstaande woning heeft geen stem)</translation>
    </message>
    <message>
        <source>Vacant</source>
        <translation>Leeg</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>The complex&apos;s energy label, else the most common label of its dwellings</source>
        <translation>Het energielabel van het complex, anders het meest voorkomende label van de woningen</translation>
    </message>
    <message>
        <source>Heating</source>
        <translation>Verwarming</translation>
    </message>
    <message>
        <source>Gas m³</source>
        <translation>Gas m³</translation>
    </message>
    <message>
        <source>Gas use per home per year (average of the dwellings that give it)</source>
        <translation>Gasverbruik per woning per jaar (gemiddelde van de woningen die het opgeven)</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <source>Electricity use per home per year (average)</source>
        <translation>Elektriciteitsverbruik per woning per jaar (gemiddelde)</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>Huur</translation>
    </message>
    <message>
        <source>Average net rent per home per month</source>
        <translation>Gemiddelde kale huur per woning per maand</translation>
    </message>
    <message>
        <source>Dwellings</source>
        <translation>Woningen</translation>
    </message>
    <message>
        <source>Add dwelling…</source>
        <translation>Woning toevoegen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Edit the selected dwelling; with several selected, set one value on all of them</source>
        <translation>De geselecteerde woning bewerken; bij meerdere: één waarde op allemaal zetten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Woning</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Let / vacant</source>
        <translation>Verhuurd / leeg</translation>
    </message>
    <message>
        <source>vacant</source>
        <translation>leeg</translation>
    </message>
    <message>
        <source>let</source>
        <translation>verhuurd</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Huurder</translation>
    </message>
    <message>
        <source>Personal data: left out of an export without personal data</source>
        <translation>Persoonsgegeven: niet in een export zonder persoonsgegevens</translation>
    </message>
    <message>
        <source>Gas use per year; empty: the complex&apos;s figure</source>
        <translation>Gasverbruik per jaar; leeg: het cijfer van het complex</translation>
    </message>
    <message>
        <source>Electricity use per year; empty: the complex&apos;s figure</source>
        <translation>Elektriciteitsverbruik per jaar; leeg: het cijfer van het complex</translation>
    </message>
    <message>
        <source>All corporations</source>
        <translation>Alle corporaties</translation>
    </message>
    <message>
        <source>All neighbourhoods</source>
        <translation>Alle wijken</translation>
    </message>
    <message>
        <source>%1 of %2 complexes</source>
        <translation>%1 van %2 complexen</translation>
    </message>
    <message>
        <source>Select a complex to see and edit its dwellings.</source>
        <translation>Kies een complex om de woningen te zien en te bewerken.</translation>
    </message>
    <message>
        <source>Dwellings of complex %1</source>
        <translation>Woningen van complex %1</translation>
    </message>
    <message>
        <source>No dwellings recorded: the complex counts its declared number of homes. Add dwellings to record votes and tenants.</source>
        <translation>Geen woningen vastgelegd: het complex telt het opgegeven aantal woningen. Voeg woningen toe om stemmen en huurders vast te leggen.</translation>
    </message>
    <message>
        <source>Select several dwellings (Shift or Ctrl) to set one value on all of them, for example a new label after a retrofit.</source>
        <translation>Selecteer meerdere woningen (Shift of Ctrl) om één waarde op allemaal te zetten, bijvoorbeeld een nieuw label na een renovatie.</translation>
    </message>
    <message>
        <source>Ctrl+Z undoes it.</source>
        <translation>Ctrl+Z maakt het ongedaan.</translation>
    </message>
    <message>
        <source>New complex</source>
        <translation>Nieuw complex</translation>
    </message>
    <message>
        <source>Complex %1</source>
        <translation>Complex %1</translation>
    </message>
    <message>
        <source>New complex %1</source>
        <translation>Nieuw complex %1</translation>
    </message>
    <message>
        <source>Edit complex %1</source>
        <translation>Complex %1 bewerken</translation>
    </message>
    <message>
        <source>Label, gas, electricity and rent are the complex&apos;s averages, used where its dwellings give none.</source>
        <translation>Label, gas, elektriciteit en huur zijn de gemiddelden van het complex, gebruikt waar de woningen ze niet geven.</translation>
    </message>
    <message>
        <source>The number of homes follows its %1 dwelling rows.</source>
        <translation>Het aantal woningen volgt de %1 woningrijen.</translation>
    </message>
    <message>
        <source>Delete complex %1</source>
        <translation>Complex %1 verwijderen</translation>
    </message>
    <message>
        <source>Delete complex %1 and its %2 dwelling rows? Ctrl+Z brings them back.</source>
        <translation>Complex %1 en de %2 woningrijen verwijderen? Ctrl+Z zet ze terug.</translation>
    </message>
    <message>
        <source>Add dwelling %1</source>
        <translation>Woning %1 toevoegen</translation>
    </message>
    <message>
        <source>Edit dwelling %1</source>
        <translation>Woning %1 bewerken</translation>
    </message>
    <message>
        <source>New dwelling in complex %1</source>
        <translation>Nieuwe woning in complex %1</translation>
    </message>
    <message>
        <source>Dwelling %1</source>
        <translation>Woning %1</translation>
    </message>
    <message>
        <source>Empty figures take the complex&apos;s. The tenant&apos;s name is personal data: an export without personal data leaves it out.</source>
        <translation>Lege cijfers nemen die van het complex. De naam van de huurder is een persoonsgegeven: een export zonder persoonsgegevens laat die weg.</translation>
    </message>
    <message numerus="yes">
        <source>Edit %n dwelling(s)</source>
        <translation>
            <numerusform>%n woning bewerken</numerusform>
            <numerusform>%n woningen bewerken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n dwelling(s)</source>
        <translation>
            <numerusform>%n woning verwijderen</numerusform>
            <numerusform>%n woningen verwijderen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupportPage</name>
    <message>
        <source>reached</source>
        <translation>bereikt</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>niet bereikt</translation>
    </message>
    <message>
        <source>individual consent</source>
        <translation>individuele instemming</translation>
    </message>
    <message>
        <source>Tenant support</source>
        <translation>Draagvlak</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Status wijzigen…</translation>
    </message>
    <message>
        <source>Letters…</source>
        <translation>Brieven…</translation>
    </message>
    <message>
        <source>Print the offer (with reply slip) or the notification after 70 % agreed for every let dwelling of this project, as one PDF; edit the texts</source>
        <translation>Het aanbod (met antwoordstrook) of de kennisgeving na 70 % instemming afdrukken voor elke verhuurde woning van dit project, als één pdf; de teksten bewerken</translation>
    </message>
    <message>
        <source>Campaign started on</source>
        <translation>Draagvlakmeting gestart op</translation>
    </message>
    <message>
        <source>Tenants notified in writing on</source>
        <translation>Huurders schriftelijk geïnformeerd op</translation>
    </message>
    <message>
        <source>The date the tenants were told in writing that 70 % agreed; tenants who did not agree then have 8 weeks to ask the court</source>
        <translation>De datum waarop de huurders schriftelijk is meegedeeld dat 70 % akkoord is; huurders die niet instemden hebben dan 8 weken om de rechter te vragen</translation>
    </message>
    <message>
        <source>tenants (let dwellings)</source>
        <translation>huurders (verhuurde woningen)</translation>
    </message>
    <message>
        <source>yes (ja)</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no (nee)</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>geen reactie</translation>
    </message>
    <message>
        <source>support</source>
        <translation>draagvlak</translation>
    </message>
    <message>
        <source>Vote entry</source>
        <translation>Stemmen invoeren</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Nabezoek</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Statusgeschiedenis</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Alle draagvlakmetingen</translation>
    </message>
    <message>
        <source>&lt;b&gt;J&lt;/b&gt; or &lt;b&gt;Y&lt;/b&gt; = ja (yes) · &lt;b&gt;N&lt;/b&gt; = nee (no) · &lt;b&gt;G&lt;/b&gt; = geen reactie (no response) · &lt;b&gt;↑ ↓&lt;/b&gt; move. After each vote the next tenant is selected.</source>
        <translation>&lt;b&gt;J&lt;/b&gt; of &lt;b&gt;Y&lt;/b&gt; = ja · &lt;b&gt;N&lt;/b&gt; = nee · &lt;b&gt;G&lt;/b&gt; = geen reactie · &lt;b&gt;↑ ↓&lt;/b&gt; verplaatsen. Na elke stem wordt de volgende huurder geselecteerd.</translation>
    </message>
    <message>
        <source>Form date</source>
        <translation>Datum formulier</translation>
    </message>
    <message>
        <source>The date on the forms being entered (today by default)</source>
        <translation>De datum op de formulieren die u invoert (standaard vandaag)</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Vastgelegd door</translation>
    </message>
    <message>
        <source>Your name from the settings</source>
        <translation>Uw naam uit de voorkeuren</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Vastgelegd</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Stem</translation>
    </message>
    <message>
        <source>&apos;undo&apos; marks an entry added by Undo; &apos;former tenant&apos; a vote of a tenant who has moved out, which no longer counts</source>
        <translation>&apos;ongedaan&apos; markeert een regel die Ongedaan maken toevoegde; &apos;vorige huurder&apos; een stem van een huurder die is vertrokken en die niet meer telt</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>A correction is a new entry; the previous value is kept. Undo (Ctrl+Z) also adds an entry.</source>
        <translation>Een correctie is een nieuwe regel; de vorige waarde blijft bewaard. Ongedaan maken (Ctrl+Z) voegt ook een regel toe.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Opslaan als pdf…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Exporteren naar Excel…</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Woning</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Laatste antwoord</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Naar</translation>
    </message>
    <message>
        <source>Reason (support gate overridden)</source>
        <translation>Reden (draagvlakeis doorbroken)</translation>
    </message>
    <message>
        <source>Corporation</source>
        <translation>Corporatie</translation>
    </message>
    <message>
        <source>Project
status</source>
        <translation>Project-
status</translation>
    </message>
    <message>
        <source>Yes
needed</source>
        <translation>Ja
nodig</translation>
    </message>
    <message>
        <source>Objection
deadline</source>
        <translation>Bezwaar-
termijn tot</translation>
    </message>
    <message>
        <source>Dwellings</source>
        <translation>Woningen</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Huurders</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Draagvlak</translation>
    </message>
    <message>
        <source>Yes votes as a share of all tenants</source>
        <translation>Ja-stemmen als aandeel van alle huurders</translation>
    </message>
    <message>
        <source>70 % rule</source>
        <translation>70%-regel</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>Geïnformeerd</translation>
    </message>
    <message>
        <source>Tenants notified in writing of the outcome</source>
        <translation>Huurders schriftelijk geïnformeerd over de uitkomst</translation>
    </message>
    <message>
        <source>Double-click a campaign to open it.</source>
        <translation>Dubbelklik op een draagvlakmeting om die te openen.</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>ongedaan</translation>
    </message>
    <message>
        <source>%1 — %2 (%3 dwellings) · %4</source>
        <translation>%1 — %2 (%3 woningen) · %4</translation>
    </message>
    <message>
        <source>(set your name in the settings)</source>
        <translation>(vul uw naam in bij de voorkeuren)</translation>
    </message>
    <message>
        <source>No projects yet: add a project on the Programme page.</source>
        <translation>Nog geen projecten: voeg een project toe op de pagina Programma.</translation>
    </message>
    <message>
        <source>This complex has no dwelling rows: votes are recorded per dwelling, so import or add its dwellings first.</source>
        <translation>Dit complex heeft geen woningregels: stemmen worden per woning vastgelegd, dus importeer of voeg eerst de woningen toe.</translation>
    </message>
    <message numerus="yes">
        <source>%n tenant(s) have not answered yet (no form, or &apos;geen reactie&apos;).</source>
        <translation>
            <numerusform>%n huurder heeft nog niet geantwoord (geen formulier, of &apos;geen reactie&apos;).</numerusform>
            <numerusform>%n huurders hebben nog niet geantwoord (geen formulier, of &apos;geen reactie&apos;).</numerusform>
        </translation>
    </message>
    <message>
        <source>Follow-up (%1)</source>
        <translation>Nabezoek (%1)</translation>
    </message>
    <message>
        <source>Objection deadline: — (set the notification date)</source>
        <translation>Einde bezwaartermijn: — (datum informeren ontbreekt)</translation>
    </message>
    <message>
        <source>none: support not reached</source>
        <translation>geen: draagvlak niet gehaald</translation>
    </message>
    <message>
        <source>none: fewer than 10 dwellings</source>
        <translation>geen: minder dan 10 woningen</translation>
    </message>
    <message>
        <source>A project moves to &apos;%1&apos; or later only with support (10 or more dwellings: 70 %; fewer: every tenant), or with a reason (e.g. a court ruling) that is kept in the status history</source>
        <translation>Een project gaat alleen naar &apos;%1&apos; of verder met draagvlak (10 of meer woningen: 70 %; minder: elke huurder), of met een reden (bijv. een uitspraak van de rechter) die in de statusgeschiedenis wordt bewaard</translation>
    </message>
    <message>
        <source>8 weeks after the tenants were notified in writing that 70 % agreed; none while support is not reached</source>
        <translation>8 weken nadat de huurders schriftelijk is meegedeeld dat 70 % instemde; geen zolang het draagvlak niet is gehaald</translation>
    </message>
    <message>
        <source>Objection deadline: none — support is not reached (the 8 weeks only follow written notice that 70 % agreed)</source>
        <translation>Bezwaartermijn: geen — het draagvlak is niet gehaald (de 8 weken volgen alleen op de schriftelijke mededeling dat 70 % instemde)</translation>
    </message>
    <message>
        <source>Objection deadline: none — fewer than 10 dwellings, every tenant&apos;s own consent counts</source>
        <translation>Bezwaartermijn: geen — minder dan 10 woningen, de eigen instemming van elke huurder telt</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>nog %n dag</numerusform>
            <numerusform>nog %n dagen</numerusform>
        </translation>
    </message>
    <message>
        <source>the objection period has ended</source>
        <translation>de bezwaartermijn is verstreken</translation>
    </message>
    <message>
        <source>Objection deadline: &lt;b&gt;%1&lt;/b&gt; (8 weeks after notification; %2)</source>
        <translation>Einde bezwaartermijn: &lt;b&gt;%1&lt;/b&gt; (8 weken na informeren; %2)</translation>
    </message>
    <message>
        <source>%1 dwellings, %2 vacant (no vote). </source>
        <translation>%1 woningen, %2 leegstaand (geen stem). </translation>
    </message>
    <message>
        <source>70 % of all tenants agree: support is reached.</source>
        <translation>70 % van alle huurders is akkoord: het draagvlak is bereikt.</translation>
    </message>
    <message numerus="yes">
        <source>%n more yes vote(s) needed to reach 70 % of all tenants (no response counts as not agreeing).</source>
        <translation>
            <numerusform>Nog %n ja-stem nodig voor 70 % van alle huurders (geen reactie telt als niet akkoord).</numerusform>
            <numerusform>Nog %n ja-stemmen nodig voor 70 % van alle huurders (geen reactie telt als niet akkoord).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fewer than 10 dwellings: the 70 % rule does not apply; every tenant&apos;s own consent counts (%n still to agree).</source>
        <translation>
            <numerusform>Minder dan 10 woningen: de 70%-regel geldt niet; de instemming van elke huurder telt (nog %n moet instemmen).</numerusform>
            <numerusform>Minder dan 10 woningen: de 70%-regel geldt niet; de instemming van elke huurder telt (nog %n moeten instemmen).</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>History of %1 %2</source>
        <translation>Geschiedenis van %1 %2</translation>
    </message>
    <message>
        <source>no form recorded yet</source>
        <translation>nog geen formulier vastgelegd</translation>
    </message>
    <message>
        <source>former tenant</source>
        <translation>vorige huurder</translation>
    </message>
    <message>
        <source>Who records the votes?</source>
        <translation>Wie legt de stemmen vast?</translation>
    </message>
    <message>
        <source>Votes carry legal weight: each one keeps who recorded it. Your name:</source>
        <translation>Stemmen hebben juridisch gewicht: bij elke stem wordt bewaard wie die heeft vastgelegd. Uw naam:</translation>
    </message>
    <message>
        <source>%1 is vacant: a vacant dwelling has no tenant and no vote.</source>
        <translation>%1 staat leeg: een leegstaande woning heeft geen huurder en geen stem.</translation>
    </message>
    <message>
        <source>%1 already has &apos;%2&apos;; nothing changed.</source>
        <translation>%1 heeft al &apos;%2&apos;; er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>Not recorded: a vote needs the name of who recorded it.</source>
        <translation>Niet vastgelegd: bij een stem hoort de naam van wie die vastlegt.</translation>
    </message>
    <message>
        <source>Vote %1: %2</source>
        <translation>Stem %1: %2</translation>
    </message>
    <message>
        <source>Recorded &apos;%1&apos; for %2.</source>
        <translation>&apos;%1&apos; vastgelegd voor %2.</translation>
    </message>
    <message>
        <source>Campaign dates of %1</source>
        <translation>Data van de draagvlakmeting van %1</translation>
    </message>
    <message>
        <source>Status of %1: %2</source>
        <translation>Status van %1: %2</translation>
    </message>
    <message>
        <source>%1 has fewer than 10 dwellings: every tenant must consent, and %2 of %3 tenants agreed (%4 still to agree). To move the project to &apos;%5&apos; anyway, give the reason. It is kept in the status history.</source>
        <translation>%1 heeft minder dan 10 woningen: elke huurder moet instemmen, en %2 van %3 huurders stemden in (nog %4 te gaan). Geef de reden om het project toch naar &apos;%5&apos; te zetten. Die wordt bewaard in de statusgeschiedenis.</translation>
    </message>
    <message>
        <source>Support for %1 is %2 of %3 tenants: 70 % is needed (%4 more yes votes). To move the project to &apos;%5&apos; anyway, give the reason (for example a court ruling). It is kept in the status history.</source>
        <translation>Het draagvlak voor %1 is %2 van %3 huurders: 70 % is nodig (nog %4 ja-stemmen). Geef de reden om het project toch naar &apos;%5&apos; te zetten (bijvoorbeeld een uitspraak van de rechter). Die wordt bewaard in de statusgeschiedenis.</translation>
    </message>
    <message>
        <source>Status not changed: support is not reached and no reason was given.</source>
        <translation>Status niet gewijzigd: het draagvlak is niet bereikt en er is geen reden gegeven.</translation>
    </message>
    <message>
        <source>Status of %1 is now &apos;%2&apos;.</source>
        <translation>De status van %1 is nu &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Follow-up visits — project %1 (complex %2)</source>
        <translation>Nabezoeken — project %1 (complex %2)</translation>
    </message>
    <message>
        <source>Save follow-up list as PDF</source>
        <translation>Bezoeklijst opslaan als pdf</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 opgeslagen</translation>
    </message>
    <message>
        <source>Export follow-up list to Excel</source>
        <translation>Bezoeklijst exporteren naar Excel</translation>
    </message>
</context>
<context>
    <name>TallyBar</name>
    <message>
        <source>%1 yes, %2 no, %3 no response of %4 tenants</source>
        <translation>%1 ja, %2 nee, %3 geen reactie van %4 huurders</translation>
    </message>
    <message>
        <source>fewer than 10 dwellings: every tenant must consent</source>
        <translation>minder dan 10 woningen: elke huurder moet instemmen</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>Agreed targets</source>
        <translation>Afgesproken doelen</translation>
    </message>
    <message>
        <source>Homes each corporation agreed to retrofit in a period (for example in the performance agreements). The Programme page compares the plan with them.</source>
        <translation>Het aantal woningen dat elke corporatie in een periode heeft toegezegd te verduurzamen (bijvoorbeeld in de prestatieafspraken). De pagina Programma vergelijkt het plan daarmee.</translation>
    </message>
    <message>
        <source>Period (years, inclusive)</source>
        <translation>Periode (jaren, tot en met)</translation>
    </message>
    <message>
        <source>Add target</source>
        <translation>Doel toevoegen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Wijzigingen opslaan</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Clear form</source>
        <translation>Formulier leegmaken</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Target %1 %2–%3</source>
        <translation>Doel %1 %2–%3</translation>
    </message>
    <message>
        <source>Delete target %1 %2–%3</source>
        <translation>Doel %1 %2–%3 verwijderen</translation>
    </message>
</context>
<context>
    <name>TariffsPage</name>
    <message>
        <source>The year must be between %1 and %2.</source>
        <translation>Het jaar moet tussen %1 en %2 liggen.</translation>
    </message>
    <message>
        <source>%1: enter a number.</source>
        <translation>%1: vul een getal in.</translation>
    </message>
    <message>
        <source>%1 cannot be negative.</source>
        <translation>%1 kan niet negatief zijn.</translation>
    </message>
    <message>
        <source>stands for every year</source>
        <translation>geldt voor elk jaar</translation>
    </message>
    <message>
        <source>Tariffs and factors</source>
        <translation>Tarieven en factoren</translation>
    </message>
    <message>
        <source>Energy tariffs per year (marginal, incl. taxes)</source>
        <translation>Energietarieven per jaar (marginaal, incl. belastingen)</translation>
    </message>
    <message>
        <source>Gas €/m³</source>
        <translation>Gas €/m³</translation>
    </message>
    <message>
        <source>Electricity €/kWh</source>
        <translation>Stroom €/kWh</translation>
    </message>
    <message>
        <source>CO2 emission factors per year</source>
        <translation>CO2-emissiefactoren per jaar</translation>
    </message>
    <message>
        <source>Gas kg CO2/m³</source>
        <translation>Gas kg CO2/m³</translation>
    </message>
    <message>
        <source>Electricity kg CO2/kWh</source>
        <translation>Stroom kg CO2/kWh</translation>
    </message>
    <message>
        <source>Apply scenario: cleaner grid</source>
        <translation>Scenario schonere stroom</translation>
    </message>
    <message>
        <source>Writes factors for 2020–2050: electricity 0.497 kg/kWh up to 2025, then falling linearly to 0 in 2050; gas unchanged. One step, undoable.</source>
        <translation>Schrijft factoren voor 2020–2050: elektriciteit 0,497 kg/kWh tot en met 2025, daarna lineair dalend tot 0 in 2050; gas ongewijzigd. Eén stap, ongedaan te maken.</translation>
    </message>
    <message>
        <source>The aftoppingsgrens (%1) is above the liberalisatiegrens (%2): check the amounts.</source>
        <translation>De aftoppingsgrens (%1) ligt boven de liberalisatiegrens (%2): controleer de bedragen.</translation>
    </message>
    <message>
        <source>Give the measure a (Dutch) name.</source>
        <translation>Geef de maatregel een (Nederlandse) naam.</translation>
    </message>
    <message>
        <source>A measure&apos;s name cannot contain &apos;;&apos;.</source>
        <translation>De naam van een maatregel mag geen &apos;;&apos; bevatten.</translation>
    </message>
    <message>
        <source>%1 is already in the catalogue: edit it instead.</source>
        <translation>%1 staat al in de catalogus: wijzig die maatregel.</translation>
    </message>
    <message>
        <source>Gas saving: enter a number.</source>
        <translation>Gasbesparing: vul een getal in.</translation>
    </message>
    <message>
        <source>Gas saving cannot be negative.</source>
        <translation>De gasbesparing kan niet negatief zijn.</translation>
    </message>
    <message>
        <source>Electricity saving: enter a number.</source>
        <translation>Stroombesparing: vul een getal in.</translation>
    </message>
    <message>
        <source>Cost: enter an amount in euros.</source>
        <translation>Kosten: vul een bedrag in euro in.</translation>
    </message>
    <message>
        <source>Cost cannot be negative.</source>
        <translation>De kosten kunnen niet negatief zijn.</translation>
    </message>
    <message>
        <source>changed (workspace)</source>
        <translation>gewijzigd (werkruimte)</translation>
    </message>
    <message>
        <source>added (workspace)</source>
        <translation>toegevoegd (werkruimte)</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>geschat</translation>
    </message>
    <message>
        <source>savings estimated</source>
        <translation>besparing geschat</translation>
    </message>
    <message>
        <source>cost estimated</source>
        <translation>kosten geschat</translation>
    </message>
    <message>
        <source>figures from the source</source>
        <translation>cijfers uit de bron</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Texts of the letters</source>
        <translation>Teksten van de brieven</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Tekst:</translation>
    </message>
    <message>
        <source>Offer letter</source>
        <translation>Aanbiedingsbrief</translation>
    </message>
    <message>
        <source>Reply slip</source>
        <translation>Antwoordstrook</translation>
    </message>
    <message>
        <source>Notification after 70 %</source>
        <translation>Kennisgeving na 70 %</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Taal:</translation>
    </message>
    <message>
        <source>Placeholders (double-click to insert):</source>
        <translation>Plaatshouders (dubbelklik om in te voegen):</translation>
    </message>
    <message>
        <source>A blank line starts a paragraph; &apos;# &apos; at the start of a line makes a heading; lines &apos;label | value&apos; make a table; &apos;[ ]&apos; is a tick box.</source>
        <translation>Een lege regel begint een alinea; &apos;# &apos; aan het begin van een regel maakt een kop; regels &apos;omschrijving | waarde&apos; vormen een tabel; &apos;[ ]&apos; is een aankruisvakje.</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>Standaardtekst terugzetten</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Wijzigingen weggooien</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>your own text</source>
        <translation>uw eigen tekst</translation>
    </message>
    <message>
        <source>the default text</source>
        <translation>de standaardtekst</translation>
    </message>
    <message>
        <source>Edit letter text</source>
        <translation>Brieftekst wijzigen</translation>
    </message>
    <message>
        <source>Reset letter text</source>
        <translation>Brieftekst terugzetten</translation>
    </message>
</context>
<context>
    <name>Tenancy</name>
    <message>
        <source>Tenant moved out…</source>
        <translation>Huurder vertrokken…</translation>
    </message>
    <message>
        <source>The dwelling is vacant from a date: its tenant&apos;s vote stays in the history as a former tenant&apos;s and no longer counts</source>
        <translation>De woning staat leeg vanaf een datum: de stem van de huurder blijft in de geschiedenis als die van een vorige huurder en telt niet meer mee</translation>
    </message>
    <message>
        <source>New tenant…</source>
        <translation>Nieuwe huurder…</translation>
    </message>
    <message>
        <source>A new tenant from a date: starts without a vote; earlier votes stay in the history as a former tenant&apos;s</source>
        <translation>Een nieuwe huurder vanaf een datum: begint zonder stem; eerdere stemmen blijven in de geschiedenis als die van een vorige huurder</translation>
    </message>
    <message>
        <source>Tenancy change</source>
        <translation>Huurderswissel</translation>
    </message>
    <message>
        <source>Record that the selected dwelling&apos;s tenant moved out, or that a new tenant moved in</source>
        <translation>Leg vast dat de huurder van de gekozen woning is vertrokken, of dat er een nieuwe huurder is</translation>
    </message>
    <message>
        <source>Tenant moved out</source>
        <translation>Huurder vertrokken</translation>
    </message>
    <message>
        <source>%1 is vacant from (the tenant moved out):</source>
        <translation>%1 staat leeg vanaf (de huurder is vertrokken):</translation>
    </message>
    <message>
        <source>Tenant of %1 moved out</source>
        <translation>Huurder van %1 vertrokken</translation>
    </message>
    <message>
        <source>New tenant</source>
        <translation>Nieuwe huurder</translation>
    </message>
    <message>
        <source>The new tenant of %1 rents it from:</source>
        <translation>De nieuwe huurder van %1 huurt vanaf:</translation>
    </message>
    <message>
        <source>New tenant for %1</source>
        <translation>Nieuwe huurder voor %1</translation>
    </message>
    <message>
        <source>%1 on %2.</source>
        <translation>%1 op %2.</translation>
    </message>
</context>
<context>
    <name>Versions</name>
    <message>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>bid</source>
        <translation>bod</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>voorstel</translation>
    </message>
    <message>
        <source>Active plan</source>
        <translation>Actief plan</translation>
    </message>
    <message>
        <source>other year</source>
        <translation>ander jaar</translation>
    </message>
    <message>
        <source>other package</source>
        <translation>ander pakket</translation>
    </message>
    <message>
        <source>other status</source>
        <translation>andere status</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>alleen in B</translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>alleen in A</translation>
    </message>
    <message>
        <source>all years</source>
        <translation>alle jaren</translation>
    </message>
    <message>
        <source>%1, %2: %3 homes in the active plan, %4 in version %5</source>
        <translation>%1, %2: %3 woningen in het actieve plan, %4 in versie %5</translation>
    </message>
    <message>
        <source>Homes in the active plan / in version %1</source>
        <translation>Woningen in het actieve plan / in versie %1</translation>
    </message>
    <message>
        <source>short</source>
        <translation>te weinig</translation>
    </message>
    <message>
        <source>met</source>
        <translation>gehaald</translation>
    </message>
    <message>
        <source>over</source>
        <translation>meer dan het doel</translation>
    </message>
</context>
<context>
    <name>VoteTable</name>
    <message>
        <source>Dwelling</source>
        <translation>Woning</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Tenancy</source>
        <translation>Bewoning</translation>
    </message>
    <message>
        <source>A vacant dwelling has no tenant and no vote</source>
        <translation>Een leegstaande woning heeft geen huurder en geen stem</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Stem</translation>
    </message>
    <message>
        <source>ja = yes, nee = no, geen reactie = no response; empty: no form recorded yet (counts as no response)</source>
        <translation>ja, nee of geen reactie; leeg: nog geen formulier vastgelegd (telt als geen reactie)</translation>
    </message>
    <message>
        <source>Form date</source>
        <translation>Formulier</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>let</source>
        <translation>verhuurd</translation>
    </message>
    <message>
        <source>vacant</source>
        <translation>leegstaand</translation>
    </message>
    <message>
        <source>A former tenant voted &apos;%1&apos; (see the history); it does not count</source>
        <translation>Een vorige huurder stemde &apos;%1&apos; (zie de geschiedenis); die stem telt niet</translation>
    </message>
    <message>
        <source>No form recorded yet</source>
        <translation>Nog geen formulier vastgelegd</translation>
    </message>
</context>
<context>
    <name>YardsticksPage</name>
    <message>
        <source>Sector yardsticks</source>
        <translation>Prestaties (sectorindicatoren)</translation>
    </message>
    <message>
        <source>Stock…</source>
        <translation>Bezit…</translation>
    </message>
    <message>
        <source>Enter EP2, areas, dwelling type and heat demand</source>
        <translation>EP2, oppervlakten, woningtype en warmtebehoefte invullen</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Toon:</translation>
    </message>
    <message>
        <source>The whole stock, one corporation or one neighbourhood</source>
        <translation>Het hele bezit, één corporatie of één wijk</translation>
    </message>
    <message>
        <source>Homes labelled E, F or G</source>
        <translation>Woningen met label E, F of G</translation>
    </message>
    <message>
        <source>Homes</source>
        <translation>Woningen</translation>
    </message>
    <message>
        <source>E/F/G homes with the plan</source>
        <translation>E/F/G-woningen met het plan</translation>
    </message>
    <message>
        <source>Target: none from 2028</source>
        <translation>Doel: geen vanaf 2028</translation>
    </message>
    <message>
        <source>Toekomstklaar and gas-free homes</source>
        <translation>Toekomstklare en aardgasvrije woningen</translation>
    </message>
    <message>
        <source>Toekomstklaar</source>
        <translation>Toekomstklaar</translation>
    </message>
    <message>
        <source>Gas-free</source>
        <translation>Aardgasvrij</translation>
    </message>
    <message>
        <source>2030: NPA 675,000 / 450,000 (sector)</source>
        <translation>2030: NPA 675.000 / 450.000 (sector)</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>E/F/G</source>
        <translation>E/F/G</translation>
    </message>
    <message>
        <source>Distance to the standard (kWh/m²)</source>
        <translation>Afstand tot de Standaard (kWh/m²)</translation>
    </message>
    <message>
        <source>Average over the homes whose type, build year, areas and heat demand are known; 0 when it meets it</source>
        <translation>Gemiddelde over de woningen waarvan type, bouwjaar, oppervlakten en warmtebehoefte bekend zijn; 0 als de woning eraan voldoet</translation>
    </message>
    <message>
        <source>EP2 (kWh/m²)</source>
        <translation>EP2 (kWh/m²)</translation>
    </message>
    <message>
        <source>Average over the homes with an EP2</source>
        <translation>Gemiddelde over de woningen met een EP2</translation>
    </message>
    <message>
        <source>CO2 from gas (kg/m²)</source>
        <translation>CO2 uit gas (kg/m²)</translation>
    </message>
    <message>
        <source>Gas use × the year&apos;s gas factor, per m² usable floor area</source>
        <translation>Gasverbruik × de gasfactor van het jaar, per m² gebruiksoppervlakte</translation>
    </message>
    <message>
        <source>Per year</source>
        <translation>Per jaar</translation>
    </message>
    <message>
        <source>Complex</source>
        <translation>Complex</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Corporation</source>
        <translation>Corporatie</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Wijk</translation>
    </message>
    <message>
        <source>E/F/G in 2028</source>
        <translation>E/F/G in 2028</translation>
    </message>
    <message>
        <source>Next project</source>
        <translation>Volgend project</translation>
    </message>
    <message>
        <source>none planned</source>
        <translation>geen gepland</translation>
    </message>
    <message>
        <source>Still E/F/G after 2028</source>
        <translation>Nog E/F/G na 2028</translation>
    </message>
    <message>
        <source>Label from EP2 by the NTA 8800 bands (else the label given); toekomstklaar = meets the insulation standard, or A+ or better after a project. Not computed: 50 °C readiness, whole complex &quot;but a few&quot;, tenant&apos;s own changes.</source>
        <translation>Label uit EP2 volgens de NTA 8800-klassen (anders het opgegeven label); toekomstklaar = voldoet aan de Standaard voor woningisolatie, of A+ of beter na een project. Niet berekend: geschikt voor 50 °C, heel complex &quot;op enkele na&quot;, ZAV van de huurder.</translation>
    </message>
    <message>
        <source>Whole stock</source>
        <translation>Hele bezit</translation>
    </message>
    <message>
        <source>Corporation: %1</source>
        <translation>Corporatie: %1</translation>
    </message>
    <message>
        <source>Neighbourhood: %1</source>
        <translation>Wijk: %1</translation>
    </message>
    <message>
        <source>Still E/F/G after 2028 (%1)</source>
        <translation>Nog E/F/G na 2028 (%1)</translation>
    </message>
    <message>
        <source>E/F/G homes: %1 in %2 → &lt;b&gt;%3 in 2028&lt;/b&gt; in %4 complexes (target: none after 2028).</source>
        <translation>E/F/G-woningen: %1 in %2 → &lt;b&gt;%3 in 2028&lt;/b&gt; in %4 complexen (doel: geen na 2028).</translation>
    </message>
    <message>
        <source>In 2030: &lt;b&gt;%1&lt;/b&gt; of %2 homes toekomstklaar, &lt;b&gt;%3&lt;/b&gt; gas-free (national targets 675,000 and 450,000, sector-wide).</source>
        <translation>In 2030: &lt;b&gt;%1&lt;/b&gt; van %2 woningen toekomstklaar, &lt;b&gt;%3&lt;/b&gt; aardgasvrij (landelijke doelen 675.000 en 450.000, voor de hele sector).</translation>
    </message>
    <message>
        <source>Benchmark %1: distance to the standard %2 kWh/m², EP2 %3 kWh/m², CO2 from gas %4 kg/m².</source>
        <translation>Benchmark %1: afstand tot de Standaard %2 kWh/m², EP2 %3 kWh/m², CO2 uit gas %4 kg/m².</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;E/F/G: %2&lt;br&gt;Toekomstklaar: %3&lt;br&gt;Gas-free: %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;E/F/G: %2&lt;br&gt;Toekomstklaar: %3&lt;br&gt;Aardgasvrij: %4</translation>
    </message>
</context>
<context>
    <name>YearTable</name>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>In force as</source>
        <translation>Geldt als</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Add year…</source>
        <translation>Jaar toevoegen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Wijzigen…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Copy defaults into the workspace to edit them</source>
        <translation>Standaardwaarden kopiëren om te wijzigen</translation>
    </message>
    <message>
        <source>workspace</source>
        <translation>werkruimte</translation>
    </message>
    <message>
        <source>entered in this workspace</source>
        <translation>ingevoerd in deze werkruimte</translation>
    </message>
    <message>
        <source>The workspace&apos;s rows are in force; a year without a row takes the nearest earlier year, else the nearest later one. The built-in defaults are not used while the workspace has rows.</source>
        <translation>De regels van de werkruimte gelden; een jaar zonder regel neemt het dichtstbijzijnde eerdere jaar, anders het dichtstbijzijnde latere. De ingebouwde standaardwaarden worden niet gebruikt zolang de werkruimte regels heeft.</translation>
    </message>
    <message>
        <source>built-in default, estimate</source>
        <translation>standaard, schatting</translation>
    </message>
    <message>
        <source>built-in default</source>
        <translation>standaard</translation>
    </message>
    <message>
        <source>The workspace has no rows: the built-in defaults (grey) are in force, each year taking the nearest earlier default year, else the nearest later one. Add a year or copy the defaults to edit them.</source>
        <translation>De werkruimte heeft geen regels: de ingebouwde standaardwaarden (grijs) gelden, waarbij elk jaar het dichtstbijzijnde eerdere standaardjaar neemt, anders het dichtstbijzijnde latere. Voeg een jaar toe of kopieer de standaardwaarden om ze te wijzigen.</translation>
    </message>
    <message>
        <source>Built-in default: %1</source>
        <translation>Standaardwaarde: %1</translation>
    </message>
    <message>
        <source>Estimate: replace it with known tariffs.</source>
        <translation>Schatting: vervang deze door bekende tarieven.</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 wijzigen</translation>
    </message>
    <message>
        <source>Add year</source>
        <translation>Jaar toevoegen</translation>
    </message>
    <message>
        <source>Set tariffs %1</source>
        <translation>Tarieven %1 instellen</translation>
    </message>
    <message>
        <source>Set emission factors %1</source>
        <translation>Emissiefactoren %1 instellen</translation>
    </message>
    <message>
        <source>Delete tariffs %1</source>
        <translation>Tarieven %1 verwijderen</translation>
    </message>
    <message>
        <source>Delete emission factors %1</source>
        <translation>Emissiefactoren %1 verwijderen</translation>
    </message>
    <message>
        <source>Copy default tariffs</source>
        <translation>Standaardtarieven kopiëren</translation>
    </message>
    <message>
        <source>Copy default emission factors</source>
        <translation>Standaardemissiefactoren kopiëren</translation>
    </message>
</context>
<context>
    <name>YearValuesDialog</name>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>%1 already has a row: edit that row instead.</source>
        <translation>%1 heeft al een regel: wijzig die regel.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>%1

Restore the newest backup copy (%2)? The damaged file is kept beside it.</source>
        <translation>%1

De nieuwste reservekopie (%2) terugzetten? Het beschadigde bestand wordt ernaast bewaard.</translation>
    </message>
</context>
<context>
    <name>fmt</name>
    <message>
        <source>%1 (sample)</source>
        <translation>%1 (voorbeeld)</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programma</translation>
    </message>
    <message>
        <source>Tenant support</source>
        <translation>Draagvlak</translation>
    </message>
    <message>
        <source>Affordability</source>
        <translation>Betaalbaarheid</translation>
    </message>
    <message>
        <source>CO2 to 2050</source>
        <translation>CO2 tot 2050</translation>
    </message>
    <message>
        <source>Heat plan</source>
        <translation>Warmteplan</translation>
    </message>
    <message>
        <source>Yardsticks</source>
        <translation>Prestaties</translation>
    </message>
    <message>
        <source>Saving realised</source>
        <translation>Gerealiseerde besparing</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bezit</translation>
    </message>
    <message>
        <source>Tariffs and factors</source>
        <translation>Tarieven en factoren</translation>
    </message>
</context>
</TS>
