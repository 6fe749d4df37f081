// After the generated project's own verify passed: what a test of the project cannot see.
def projectDir = context.projectDir
def read = { String path ->
  def file = new File(projectDir, path)
  assert file.isFile() : "the generated project has no " + path
  file.getText('UTF-8')
}

assert read('.gitignore').contains('target/')

// The README's first two commands run the app and test it.
def commands = read('README.md').readLines().findAll { it.startsWith('mvn ') }
assert commands.size() >= 2 && commands[0].startsWith('mvn compile exec:java') && commands[1].startsWith('mvn verify') : commands

// Every Velocity reference was replaced (the pom's own ${...} are Maven's).
new File(projectDir, 'src').eachFileRecurse { file ->
  if (file.isFile() && file.name.endsWith('.java')) {
    assert !file.getText('UTF-8').contains('${') : file
  }
}
assert read('pom.xml').contains('<verve.version>') && !read('pom.xml').contains('${verveVersion}')
return true
