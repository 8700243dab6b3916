import type { FactorialHrPort } from '../connectors/types';

export interface InFactorial {
  employeeUrl: string;
  name?: string;
}

/**
 * The one rule for "already in Factorial HR": Factorial HR has an employee with this email. The export form,
 * the buttons on ATS pages and the popup's list all ask this, so none offers an export the others refuse.
 */
export async function employeeInFactorial(hr: FactorialHrPort, email: string): Promise<InFactorial | undefined> {
  const employee = await hr.findEmployeeByEmail(email);
  return employee ? { employeeUrl: hr.employeeUrl(employee.id), name: `${employee.firstName} ${employee.lastName}`.trim() } : undefined;
}
