import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RosterRpc, type RpcRequest } from '#contracts';
import { ClassesAdminService } from './classes-admin.service.js';
import { EnrollmentCommands } from './enrollment-commands.js';
import { RosterRequestsService } from './roster-requests.service.js';
import { StudentsAdminService } from './students-admin.service.js';

@Controller()
export class RosterController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly classes: ClassesAdminService,
    private readonly enrollments: EnrollmentCommands,
    private readonly students: StudentsAdminService,
    private readonly requests: RosterRequestsService,
  ) {}

  @MessagePattern(RosterRpc.classes.subject)
  listClasses(@Payload({ schema: RosterRpc.classes.request }) request: RpcRequest<typeof RosterRpc.classes>) {
    return this.classes.classes(request);
  }

  @MessagePattern(RosterRpc.createClass.subject)
  createClass(@Payload({ schema: RosterRpc.createClass.request }) request: RpcRequest<typeof RosterRpc.createClass>) {
    return this.classes.createClass(request);
  }

  @MessagePattern(RosterRpc.updateClass.subject)
  updateClass(@Payload({ schema: RosterRpc.updateClass.request }) request: RpcRequest<typeof RosterRpc.updateClass>) {
    return this.classes.updateClass(request);
  }

  @MessagePattern(RosterRpc.archiveClass.subject)
  archiveClass(@Payload({ schema: RosterRpc.archiveClass.request }) request: RpcRequest<typeof RosterRpc.archiveClass>) {
    return this.classes.archiveClass(request.classId);
  }

  @MessagePattern(RosterRpc.roster.subject)
  roster(@Payload({ schema: RosterRpc.roster.request }) request: RpcRequest<typeof RosterRpc.roster>) {
    return this.classes.roster(request.classId);
  }

  @MessagePattern(RosterRpc.createGroup.subject)
  createGroup(@Payload({ schema: RosterRpc.createGroup.request }) request: RpcRequest<typeof RosterRpc.createGroup>) {
    return this.classes.createGroup(request);
  }

  @MessagePattern(RosterRpc.updateGroup.subject)
  updateGroup(@Payload({ schema: RosterRpc.updateGroup.request }) request: RpcRequest<typeof RosterRpc.updateGroup>) {
    return this.classes.updateGroup(request);
  }

  @MessagePattern(RosterRpc.archiveGroup.subject)
  archiveGroup(@Payload({ schema: RosterRpc.archiveGroup.request }) request: RpcRequest<typeof RosterRpc.archiveGroup>) {
    return this.classes.archiveGroup(request);
  }

  @MessagePattern(RosterRpc.setGroupMembers.subject)
  setGroupMembers(@Payload({ schema: RosterRpc.setGroupMembers.request }) request: RpcRequest<typeof RosterRpc.setGroupMembers>) {
    return this.classes.setGroupMembers(request);
  }

  @MessagePattern(RosterRpc.enroll.subject)
  enroll(@Payload({ schema: RosterRpc.enroll.request }) request: RpcRequest<typeof RosterRpc.enroll>) {
    return this.dataSource.transaction((manager) => this.enrollments.enroll(manager, request));
  }

  @MessagePattern(RosterRpc.endEnrollment.subject)
  endEnrollment(@Payload({ schema: RosterRpc.endEnrollment.request }) request: RpcRequest<typeof RosterRpc.endEnrollment>) {
    return this.dataSource.transaction((manager) => this.enrollments.endEnrollment(manager, request));
  }

  @MessagePattern(RosterRpc.transfer.subject)
  transfer(@Payload({ schema: RosterRpc.transfer.request }) request: RpcRequest<typeof RosterRpc.transfer>) {
    return this.dataSource.transaction((manager) => this.enrollments.transfer(manager, request));
  }

  @MessagePattern(RosterRpc.addGuardian.subject)
  addGuardian(@Payload({ schema: RosterRpc.addGuardian.request }) request: RpcRequest<typeof RosterRpc.addGuardian>) {
    return this.students.addGuardian(request);
  }

  @MessagePattern(RosterRpc.endGuardianship.subject)
  endGuardianship(@Payload({ schema: RosterRpc.endGuardianship.request }) request: RpcRequest<typeof RosterRpc.endGuardianship>) {
    return this.students.endGuardianship(request);
  }

  @MessagePattern(RosterRpc.archiveStudent.subject)
  archiveStudent(@Payload({ schema: RosterRpc.archiveStudent.request }) request: RpcRequest<typeof RosterRpc.archiveStudent>) {
    return this.students.archiveStudent(request.studentId);
  }

  @MessagePattern(RosterRpc.correctName.subject)
  correctName(@Payload({ schema: RosterRpc.correctName.request }) request: RpcRequest<typeof RosterRpc.correctName>) {
    return this.dataSource.transaction((manager) => this.students.correctName(manager, request));
  }

  @MessagePattern(RosterRpc.submitRequest.subject)
  submitRequest(@Payload({ schema: RosterRpc.submitRequest.request }) request: RpcRequest<typeof RosterRpc.submitRequest>) {
    return this.requests.submit(request);
  }

  @MessagePattern(RosterRpc.classRequests.subject)
  classRequests(@Payload({ schema: RosterRpc.classRequests.request }) request: RpcRequest<typeof RosterRpc.classRequests>) {
    return this.requests.ofClass(request);
  }

  @MessagePattern(RosterRpc.schoolRequests.subject)
  schoolRequests(@Payload({ schema: RosterRpc.schoolRequests.request }) request: RpcRequest<typeof RosterRpc.schoolRequests>) {
    return this.requests.ofSchool(request);
  }

  @MessagePattern(RosterRpc.applyRequest.subject)
  applyRequest(@Payload({ schema: RosterRpc.applyRequest.request }) request: RpcRequest<typeof RosterRpc.applyRequest>) {
    return this.requests.apply(request);
  }

  @MessagePattern(RosterRpc.rejectRequest.subject)
  rejectRequest(@Payload({ schema: RosterRpc.rejectRequest.request }) request: RpcRequest<typeof RosterRpc.rejectRequest>) {
    return this.requests.reject(request);
  }
}
