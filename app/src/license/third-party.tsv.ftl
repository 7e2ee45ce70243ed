<#-- The libraries bundled with vmscope, one per line, tab-separated: group, artifact, version, name, home page,
     then each licence the POM declares (merged names). Read by dev.vmscope.app.about.ThirdPartyTable. -->
# group	artifact	version	name	url	licences...
<#list dependencyMap as e>
<#assign p = e.getKey()/>
<#assign name = (p.name?? && !p.name?starts_with("Unnamed"))?then(p.name, p.artifactId)/>
${p.groupId}	${p.artifactId}	${p.version}	${name}	${p.url!""}<#list e.getValue() as licence>	${licence}</#list>
</#list>
