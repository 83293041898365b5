package org.rareearth.scenario.core;

/**
 * Who may read and change a scenario (issue 10, README "Ownership"). A scenario belongs to the team
 * of its creator. Only an analyst of that team may append events to it, archive it or share it.
 * Viewers and operators read every scenario; an analyst reads the team's own scenarios and the ones
 * other teams share. A scenario stored before ownership existed has no team: any analyst may change it.
 */
public final class Ownership {

    private final String viewerRole;
    private final String operatorRole;

    /** The role names come from the caller (service-kit Roles), so this class stays framework-free. */
    public Ownership(String viewerRole, String operatorRole) {
        this.viewerRole = viewerRole;
        this.operatorRole = operatorRole;
    }

    public boolean mayRead(Caller caller, String ownerTeam, boolean shared) {
        return shared || ownedBy(caller, ownerTeam) || readsEverything(caller);
    }

    /** Throws unless the caller may read the scenario. */
    public void checkRead(Caller caller, String id, String ownerTeam, boolean shared) {
        if (!mayRead(caller, ownerTeam, shared)) {
            throw new ScenarioAccessDeniedException(id, "scenario \"" + id + "\" belongs to team \"" + ownerTeam
                    + "\" and is not shared: an analyst reads only the scenarios of the own team (\"" + caller.team()
                    + "\") and shared ones");
        }
    }

    /** Throws unless the caller (an analyst, as the operation's role rule already demands) may change it. */
    public void checkChange(Caller caller, String id, String ownerTeam, String what) {
        if (!ownedBy(caller, ownerTeam)) {
            throw new ScenarioAccessDeniedException(id, "scenario \"" + id + "\" belongs to team \"" + ownerTeam
                    + "\": only an analyst of that team may " + what + " (yours is \"" + caller.team() + "\")");
        }
    }

    private static boolean ownedBy(Caller caller, String ownerTeam) {
        return ownerTeam == null || ownerTeam.equals(caller.team());
    }

    /** Viewers and operators read every scenario (an analyst who is also one of them too). */
    public boolean readsEverything(Caller caller) {
        return caller.roles().contains(viewerRole) || caller.roles().contains(operatorRole);
    }
}
