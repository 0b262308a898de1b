package dev.newsbrief.cli;

import picocli.CommandLine;

/** Reports the version recorded in the jar's manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"newsbrief " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + ", FreeMarker " + freemarker.template.Configuration.getVersion()
                + ", ICU " + com.ibm.icu.util.VersionInfo.ICU_VERSION};
    }
}
