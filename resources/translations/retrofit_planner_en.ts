<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>AffordabilityPage</name>
    <message numerus="yes">
        <source>%n project(s): %2 not affordable, %3 flagged</source>
        <translation>
            <numerusform>%n project: %2 not affordable, %3 flagged</numerusform>
            <numerusform>%n projects: %2 not affordable, %3 flagged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n project(s) not affordable on their own</source>
        <translation>
            <numerusform>%1 of %n project not affordable on its own</numerusform>
            <numerusform>%1 of %n projects not affordable on their own</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message numerus="yes">
        <source>Edit %n dwelling(s)</source>
        <translation>
            <numerusform>Edit %n dwelling</numerusform>
            <numerusform>Edit %n dwellings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message numerus="yes">
        <source>%n tenant(s) to visit</source>
        <translation>
            <numerusform>%n tenant to visit</numerusform>
            <numerusform>%n tenants to visit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message numerus="yes">
        <source>The plan falls short by %Ln home(s)</source>
        <translation>
            <numerusform>The plan falls short by %Ln home</numerusform>
            <numerusform>The plan falls short by %Ln homes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The plan exceeds the target by %Ln home(s)</source>
        <translation>
            <numerusform>The plan exceeds the target by %Ln home</numerusform>
            <numerusform>The plan exceeds the target by %Ln homes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n target period(s) not met by the plan (red).</source>
        <translation>
            <numerusform>%n target period not met by the plan (red).</numerusform>
            <numerusform>%n target periods not met by the plan (red).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message numerus="yes">
        <source>falls short by %Ln home(s)</source>
        <translation>
            <numerusform>falls short by %Ln home</numerusform>
            <numerusform>falls short by %Ln homes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overshoots by %Ln home(s)</source>
        <translation>
            <numerusform>overshoots by %Ln home</numerusform>
            <numerusform>overshoots by %Ln homes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln home(s) not cancelled</source>
        <translation>
            <numerusform>%Ln home not cancelled</numerusform>
            <numerusform>%Ln homes not cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n project(s) to %2</source>
        <translation>
            <numerusform>Move %n project to %2</numerusform>
            <numerusform>Move %n projects to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n project(s)</source>
        <translation>
            <numerusform>Delete %n project</numerusform>
            <numerusform>Delete %n projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n project(s)? Edit → Undo brings them back.</source>
        <translation>
            <numerusform>Delete %n project? Edit → Undo brings it back.</numerusform>
            <numerusform>Delete %n projects? Edit → Undo brings them back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message numerus="yes">
        <source>%Ln home(s)</source>
        <translation>
            <numerusform>%Ln home</numerusform>
            <numerusform>%Ln homes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message numerus="yes">
        <source>Edit %n dwelling(s)</source>
        <translation>
            <numerusform>Edit %n dwelling</numerusform>
            <numerusform>Edit %n dwellings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n dwelling(s)</source>
        <translation>
            <numerusform>Remove %n dwelling</numerusform>
            <numerusform>Remove %n dwellings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupportPage</name>
    <message numerus="yes">
        <source>%n tenant(s) have not answered yet (no form, or &apos;geen reactie&apos;).</source>
        <translation>
            <numerusform>%n tenant has not answered yet (no form, or &apos;no response&apos;).</numerusform>
            <numerusform>%n tenants have not answered yet (no form, or &apos;no response&apos;).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more yes vote(s) needed to reach 70 % of all tenants (no response counts as not agreeing).</source>
        <translation>
            <numerusform>%n more yes vote needed to reach 70 % of all tenants (no response counts as not agreeing).</numerusform>
            <numerusform>%n more yes votes needed to reach 70 % of all tenants (no response counts as not agreeing).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fewer than 10 dwellings: the 70 % rule does not apply; every tenant&apos;s own consent counts (%n still to agree).</source>
        <translation>
            <numerusform>Fewer than 10 dwellings: the 70 % rule does not apply; every tenant&apos;s own consent counts (%n still to agree).</numerusform>
            <numerusform>Fewer than 10 dwellings: the 70 % rule does not apply; every tenant&apos;s own consent counts (%n still to agree).</numerusform>
        </translation>
    </message>
</context>
</TS>
